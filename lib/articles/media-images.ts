// A rehype step for images of the media library in article bodies. Run after
// the sanitizer: it only rewrites <img> whose src is a library image as
// written by the editor (/media/<key>?w=…&h=…, media-files.ts), into the
// stored sizes with srcset, their width and height (so the page keeps its
// layout while they load), lazy loading, and a <figure> with the Markdown
// title as its caption. Every other image is left as the sanitizer left it.
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import { heightAt, imagePath, parseMarkdownSrc, srcSet, widthFor } from "@/lib/media/media-files";

/** The column an article's text runs in: the widest an inline image is shown. */
export const BODY_IMAGE_SIZES = "(min-width: 44rem) 42rem, 100vw";

function picture(image: NonNullable<ReturnType<typeof parseMarkdownSrc>>, alt: string): Element {
  const shown = widthFor(image, 960);
  return {
    type: "element",
    tagName: "img",
    properties: {
      src: imagePath(image.key, shown),
      srcSet: srcSet(image),
      sizes: BODY_IMAGE_SIZES,
      width: shown,
      height: heightAt(image, shown),
      alt,
      loading: "lazy",
      decoding: "async",
    },
    children: [],
  };
}

export function rehypeMediaImages() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "p" || !parent || index === undefined) return;
      // A paragraph holding one library image (and only white space besides) becomes a figure.
      const content = node.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
      const only = content.length === 1 && content[0]!.type === "element" ? content[0] : null;
      if (!only || only.tagName !== "img") return;
      const image = parseMarkdownSrc(String(only.properties.src ?? ""));
      if (!image) return;
      const caption = String(only.properties.title ?? "").trim();
      const children: ElementContent[] = [picture(image, String(only.properties.alt ?? ""))];
      if (caption)
        children.push({
          type: "element",
          tagName: "figcaption",
          properties: {},
          children: [{ type: "text", value: caption }],
        });
      parent.children[index] = {
        type: "element",
        tagName: "figure",
        properties: { className: ["body-image"] },
        children,
      };
    });
    // An image inside running text: the stored sizes, without a figure.
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "img") return;
      const image = parseMarkdownSrc(String(node.properties.src ?? ""));
      if (image) Object.assign(node.properties, picture(image, String(node.properties.alt ?? "")).properties);
    });
  };
}
