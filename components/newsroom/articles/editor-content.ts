// An article's stored content as the editor holds it. A draft whose slug is
// the one made from its headline keeps following the headline: its slug field
// starts empty, and the server makes the slug again from the headline on every
// save, until the editor writes one. Pure, so that the browser can apply it to
// a version it fetched (after a conflict) as the page does to the saved one.
import { slugify } from "@/lib/articles/slugify";
import type { ArticleContent } from "./editor-types";

export function editorContent(content: ArticleContent, hasBeenPublic: boolean): ArticleContent {
  const made = slugify(content.title) || "article";
  const follows = !hasBeenPublic && new RegExp(`^${made}(-\\d+)?$`).test(content.slug);
  return { ...content, slug: follows ? "" : content.slug };
}
