// Text with the words a search matched marked. PostgreSQL's ts_headline
// marks them with two private-use characters that no article contains, so
// the text is never parsed as HTML: the page renders the pieces as text in
// <mark> elements, and the API escapes them.
import { escapeHtml } from "@/lib/text/escape-html";

export const MATCH_START = "\uE000";
export const MATCH_STOP = "\uE001";

export type HighlightedText = { text: string; match: boolean }[];

// Markdown left in a snippet: headings, emphasis, links, block quotes.
function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/^[ \t]*#{1,6}[ \t]+/gm, "")
    .replace(/^[ \t]*>[ \t]?/gm, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Splits ts_headline output into plain and matched pieces. */
export function parseHighlighted(marked: string, options: { markdown?: boolean } = {}): HighlightedText {
  const text = options.markdown ? plainMarkdown(marked) : marked.replace(/\s+/g, " ").trim();
  const pieces: HighlightedText = [];
  for (const [index, part] of text.split(new RegExp(`[${MATCH_START}${MATCH_STOP}]`)).entries()) {
    // Parts alternate: outside, inside, outside, ...
    if (part !== "") pieces.push({ text: part, match: index % 2 === 1 });
  }
  return pieces;
}

export function plainText(highlighted: HighlightedText): string {
  return highlighted.map((piece) => piece.text).join("");
}

/** HTML with matched words in <mark>, everything else escaped. */
export function highlightedHtml(highlighted: HighlightedText): string {
  return highlighted
    .map((piece) => (piece.match ? `<mark>${escapeHtml(piece.text)}</mark>` : escapeHtml(piece.text)))
    .join("");
}
