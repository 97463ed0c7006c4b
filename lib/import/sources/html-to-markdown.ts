// The HTML of an exported post as Folio's Markdown, with turndown and its GFM
// plugin (tables, strikethrough, task lists). Headings, lists, links, quotes,
// code blocks, tables and images are kept; what cannot be Markdown and would
// run code or pull in another site (scripts, styles, forms, embeds) is
// dropped with its contents, and an iframe becomes a link to what it showed.
// Raw HTML that survives is removed again when the article is rendered
// (rehype-sanitize), so nothing here is the last line of defence.
import TurndownService from "turndown";
import { gfm } from "turndown-plugin-gfm";
import { PAYWALL_MARKER } from "@/lib/newsroom/articles/paywall-marker";

/**
 * Put where the source's paywall cut was, before conversion; it becomes
 * Folio's `<!-- paywall -->` line. An element, because turndown drops comments.
 */
export const PAYWALL_PLACEHOLDER = "<folio-paywall></folio-paywall>";

const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "object",
  "embed",
  "svg",
  "canvas",
  "head",
  "meta",
  "link",
]);

function createService(imageUrls: string[]): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    bulletListMarker: "-",
    emDelimiter: "*",
    hr: "---",
    // The placeholder is empty, and turndown hands empty elements here rather
    // than to the rules.
    blankReplacement: (_content, node) => {
      if (node.nodeName === "FOLIO-PAYWALL") return `\n\n${PAYWALL_MARKER}\n\n`;
      return (node as { isBlock?: boolean }).isBlock ? "\n\n" : "";
    },
  });
  service.use(gfm);
  service.remove((node) => DROPPED.has(node.nodeName.toLowerCase()));
  service.addRule("iframe", {
    filter: "iframe",
    replacement: (_content, node) => {
      const src = (node as HTMLElement).getAttribute("src") ?? "";
      return /^https?:\/\//i.test(src) ? `\n\n[Embedded content](${src})\n\n` : "";
    },
  });
  // A figure with an image: the caption becomes the image's title, which
  // Folio renders as the figure's caption (lib/articles/media-images.ts).
  service.addRule("figure", {
    filter: (node) => node.nodeName === "FIGURE" && node.querySelector("img") != null,
    replacement: (_content, node) => {
      const figure = node as HTMLElement;
      const image = figure.querySelector("img")!;
      const caption = figure.querySelector("figcaption")?.textContent?.trim() ?? "";
      return `\n\n${imageMarkdown(image, caption, imageUrls)}\n\n`;
    },
  });
  service.addRule("image", {
    filter: "img",
    replacement: (_content, node) => imageMarkdown(node as HTMLElement, "", imageUrls),
  });
  return service;
}

function imageMarkdown(image: HTMLElement, caption: string, imageUrls: string[]): string {
  const src = (image.getAttribute("src") ?? "").trim();
  if (src === "" || /^(javascript|data|vbscript):/i.test(src)) return "";
  imageUrls.push(src);
  const alt = (image.getAttribute("alt") ?? "").replace(/[\[\]\n]/g, " ").trim();
  const title = caption.replace(/["\n]/g, " ").trim();
  return `![${alt}](${markdownUrl(src)}${title ? ` "${title}"` : ""})`;
}

/** `url` as written in a Markdown link: the characters that would end it early, percent-encoded. */
export function markdownUrl(url: string): string {
  return url.replace(
    /[()\s]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

export type ConvertedBody = { markdown: string; imageUrls: string[] };

/** `html` (with PAYWALL_PLACEHOLDER where the source's cut was) as Markdown. */
export function htmlToMarkdown(html: string): ConvertedBody {
  const imageUrls: string[] = [];
  const markdown = createService(imageUrls)
    .turndown(html)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { markdown, imageUrls: [...new Set(imageUrls)] };
}
