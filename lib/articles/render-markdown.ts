// Markdown -> sanitized HTML. Raw HTML in a body is dropped (remark-rehype
// without allowDangerousHtml), and rehype-sanitize's GitHub schema removes
// anything else that could run: scripts, event handlers, javascript: URLs.
// Images of the media library get their stored sizes (media-images.ts).
import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeMediaImages } from "./media-images";

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  // After the sanitizer: it adds only attributes it computed itself.
  .use(rehypeMediaImages)
  .use(rehypeStringify)
  .freeze();

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Plain text of a Markdown fragment, for descriptions and feeds. */
export function markdownToText(markdown: string): string {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  return toText(tree).replace(/\s+/g, " ").trim();
}
