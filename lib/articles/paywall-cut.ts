// The paywall cut, the one place it is made. An article's Markdown is parsed
// once (remark) and cut between two top-level blocks: at the first
// top-level `<!-- paywall -->` line if the editor wrote one, else after the
// first N blocks of reading text (N is the PREVIEW_PARAGRAPHS setting).
// Because the cut is between top-level blocks it never falls inside a fenced
// code block, a list, a table or a blockquote, and a marker written inside
// one of those is text, not a cut.
//
// Headings, thematic breaks, raw HTML, link definitions and footnotes are not
// counted as paragraphs: a heading introduces the block after it, so a
// preview never ends on a bare heading, and raw HTML is dropped when the
// Markdown is rendered, so it would count as an invisible paragraph.
//
// The parts are slices of the body as written (the author's Markdown
// exactly): the preview runs from the start of the line of its first block to
// the end of its last block, and the gated part likewise. What lies between
// them (blank lines, and the marker's line) and blank lines before the first
// and after the last block belong to neither.
//
// Pure and framework-free: the newsroom editor's browser code uses it too.
import type { Root, RootContent } from "mdast";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

/** Bumped whenever the rule changes, so that every stored cut is made again. */
export const CUT_VERSION = 1;

export type CutBy = "marker" | "paragraphs";

export type PaywallCut = {
  /** The free preview, as Markdown. Empty when the marker is the first block. */
  preview: string;
  /** The rest of the article; empty when the whole article fits in the preview. */
  gated: string;
  /** Whether the editor's marker made the cut, or the paragraph count. */
  cutBy: CutBy;
  /**
   * The 1-based line of the body where the cut is: the marker's line, or
   * the line where the gated part starts. Null when nothing is behind the cut
   * and no marker was written.
   */
  cutLine: number | null;
};

/**
 * GFM's block-level syntax (tables, footnote definitions): the part of
 * remark-gfm that decides where top-level blocks begin and end. Its other
 * extensions (autolink literals, strikethrough, task list items) are inline
 * and leave the blocks as they are, but took 60% of the parse: the cut of
 * 10,000 articles went from about 2 ms an article to about 0.8 ms without
 * them (docs/paywall.md). paywall-cut.test.ts checks that the blocks are
 * those that remark-gfm, which renders the article, finds.
 */
function remarkGfmBlocks(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkGfmBlocks).freeze();

const MARKER = /^<!--\s*paywall\s*-->$/i;

// Blocks a reader reads as text; the others are not counted (see above).
const COUNTED = new Set<RootContent["type"]>(["paragraph", "list", "blockquote", "code", "table"]);

type Block = { node: RootContent; start: number; end: number; line: number };

/** The top-level blocks of `markdown`, each from the start of its first line to its end. */
export function topLevelBlocks(markdown: string): Block[] {
  const tree: Root = parser.parse(markdown);
  return tree.children.flatMap((node) => {
    const position = node.position;
    if (!position || position.start.offset === undefined || position.end.offset === undefined) return [];
    // From the start of the line, so that the indentation of the first line
    // (which can make a block what it is: four spaces make code) is kept.
    const lineStart = position.start.offset - (position.start.column - 1);
    const prefix = markdown.slice(lineStart, position.start.offset);
    const start = /^[ \t]*$/.test(prefix) ? lineStart : position.start.offset;
    return [{ node, start, end: position.end.offset, line: position.start.line }];
  });
}

/** Whether a top-level block is the editor's cut marker. */
export function isPaywallMarker(node: RootContent): boolean {
  return node.type === "html" && MARKER.test(node.value.trim());
}

function slice(markdown: string, blocks: Block[]): string {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return first && last ? markdown.slice(first.start, last.end) : "";
}

/** Cuts `markdown` into the free preview and the gated rest. */
export function cutArticle(markdown: string, previewParagraphs: number): PaywallCut {
  const blocks = topLevelBlocks(markdown);
  const marker = blocks.findIndex((block) => isPaywallMarker(block.node));
  if (marker !== -1) {
    return {
      preview: slice(markdown, blocks.slice(0, marker)),
      gated: slice(markdown, blocks.slice(marker + 1)),
      cutBy: "marker",
      cutLine: blocks[marker]!.line,
    };
  }
  const wanted = Math.max(1, Math.floor(previewParagraphs));
  const counted = blocks.flatMap((block, index) => (COUNTED.has(block.node.type) ? [index] : []));
  // Only cut when reading text remains behind the cut: a trailing heading or
  // rule alone is not worth a paywall.
  if (counted.length <= wanted) {
    return { preview: slice(markdown, blocks), gated: "", cutBy: "paragraphs", cutLine: null };
  }
  const lastInPreview = counted[wanted - 1]!;
  const gated = blocks.slice(lastInPreview + 1);
  return {
    preview: slice(markdown, blocks.slice(0, lastInPreview + 1)),
    gated: slice(markdown, gated),
    cutBy: "paragraphs",
    cutLine: gated[0]!.line,
  };
}

/** The whole text a reader with access reads: the preview, then the gated part. */
export function joinParts(preview: string, gated: string | null): string {
  if (!gated) return preview;
  return preview === "" ? gated : `${preview}\n\n${gated}`;
}
