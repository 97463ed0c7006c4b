// An imported image that was not loaded into the media library becomes a
// link to where it was: Folio's pages only show images they serve
// themselves (the CSP's img-src is 'self'), so an image left pointing at the
// old site would be a broken picture, while a link still leads the reader
// to it.
import { markdownUrl } from "./sources/html-to-markdown";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `markdown` with each image of `urls` still in it written as a link. */
export function linkUnloadedImages(markdown: string, urls: string[]): string {
  let linked = markdown;
  for (const url of urls) {
    const written = markdownUrl(url);
    const image = new RegExp(`!\\[([^\\]]*)\\]\\(${escapeRegExp(written)}(?: "([^"]*)")?\\)`, "g");
    linked = linked.replace(image, (_match, alt: string, title: string | undefined) => {
      const words = [alt.trim(), title?.trim() ?? ""].filter((part) => part !== "");
      const text = words.length === 0 ? "Image" : `Image: ${words.join(". ").replace(/[[\]]/g, " ")}`;
      return `[${text}](${written})`;
    });
  }
  return linked;
}
