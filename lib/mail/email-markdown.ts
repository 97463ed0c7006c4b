// Article Markdown -> HTML for an email: the site's sanitizing pipeline
// (raw HTML dropped, rehype-sanitize), then inline styles, because many mail
// clients ignore style sheets, and absolute links, because an email has no
// address of its own to resolve "/articles/..." against.
import type { Element, Root, RootContent } from "hast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { emailImage } from "@/lib/media/email-image-token";
import { parseMarkdownSrc } from "@/lib/media/media-files";

const SERIF = "Georgia, 'Times New Roman', serif";
const STYLES: Record<string, string> = {
  p: `margin:0 0 16px;font-family:${SERIF};font-size:17px;line-height:1.6;color:#1f1f1f`,
  h1: `margin:24px 0 12px;font-family:${SERIF};font-size:22px;line-height:1.3;color:#111`,
  h2: `margin:24px 0 12px;font-family:${SERIF};font-size:20px;line-height:1.3;color:#111`,
  h3: `margin:20px 0 10px;font-family:${SERIF};font-size:18px;line-height:1.3;color:#111`,
  blockquote: "margin:0 0 16px;padding:0 0 0 14px;border-left:3px solid #9b1c1c;color:#444",
  ul: `margin:0 0 16px;padding-left:22px;font-family:${SERIF};font-size:17px;line-height:1.6`,
  ol: `margin:0 0 16px;padding-left:22px;font-family:${SERIF};font-size:17px;line-height:1.6`,
  a: "color:#9b1c1c;text-decoration:underline",
  table: "border-collapse:collapse;margin:0 0 16px;font-size:15px",
  th: "border:1px solid #ddd;padding:4px 8px;text-align:left",
  td: "border:1px solid #ddd;padding:4px 8px",
  img: "max-width:100%;height:auto",
};

function styleAndAnchor(siteUrl: string) {
  const visit = (node: Root | RootContent): void => {
    if (node.type === "element") {
      const element = node as Element;
      const style = STYLES[element.tagName];
      if (style) element.properties = { ...element.properties, style };
      // A library image: the JPEG for email, at most 600 px wide, fetchable signed out.
      const image = element.tagName === "img" ? parseMarkdownSrc(String(element.properties.src ?? "")) : null;
      if (image) Object.assign(element.properties, emailImage(siteUrl, image));
      for (const attribute of ["href", "src"] as const) {
        const value = element.properties?.[attribute];
        if (typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !image) {
          element.properties[attribute] = `${siteUrl}${value}`;
        }
      }
    }
    if ("children" in node) node.children.forEach(visit);
  };
  return () => (tree: Root) => visit(tree);
}

export function markdownToEmailHtml(markdown: string, siteUrl: string): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize)
    .use(styleAndAnchor(siteUrl))
    .use(rehypeStringify);
  return String(processor.processSync(markdown));
}
