// A WordPress post's content:encoded made the HTML html-to-markdown.ts takes.
// The export holds the content as it was typed, not as the site showed it:
// the classic editor's paragraphs are blank-line-separated text that
// WordPress wraps in <p> only when it renders (wpautop), and its captioned
// images are a [caption] shortcode. Both are done here, simply; content of
// the block editor (its "<!-- wp:" comments) has its markup already.
import { PAYWALL_PLACEHOLDER } from "./html-to-markdown";

/** `<!--more-->`, or with its own link text: `<!--more Read on-->`. */
const MORE = /<!--more(?:\s[\s\S]*?)?-->/g;

/** `[caption id="…" align="…" width="…"]<a><img …></a> The caption[/caption]`. */
const CAPTION = /\[caption\b[^\]]*\]\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*?)\[\/caption\]/gi;

/** Elements whose text blank lines must not split. */
const VERBATIM = /<(pre|script|style)\b[\s\S]*?<\/\1\s*>/gi;

/** A block holding any of these is left as it is, not made a paragraph. */
const BLOCK_ELEMENT =
  /<\/?(?:address|article|aside|blockquote|details|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|main|nav|ol|p|pre|script|section|style|table|tbody|td|tfoot|th|thead|tr|ul|folio-paywall)\b|<!--|\uE000/i;

/** The first more tag becomes the paywall cut, as its own block; WordPress ignores any later one. */
function markCut(html: string): string {
  let first = true;
  return html.replace(MORE, () => {
    if (!first) return "";
    first = false;
    return `\n\n${PAYWALL_PLACEHOLDER}\n\n`;
  });
}

function captionsAsFigures(html: string): string {
  return html.replace(
    CAPTION,
    (_match, image: string, caption: string) => `<figure>${image}<figcaption>${caption.trim()}</figcaption></figure>`,
  );
}

/**
 * Like WordPress's wpautop, much simplified: each blank-line-separated block
 * of plain text and inline markup becomes a paragraph, its single line
 * breaks <br>; a block with any block-level markup is left alone.
 */
function paragraphs(html: string): string {
  const verbatim: string[] = [];
  // A private-use character stands for each verbatim element while blocks are split.
  const held = html.replace(VERBATIM, (element) => `\uE000${verbatim.push(element) - 1}\uE000`);
  const blocks = held
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block) => (BLOCK_ELEMENT.test(block) ? block : `<p>${block.replace(/\n/g, "<br>\n")}</p>`));
  return blocks.join("\n\n").replace(/\uE000(\d+)\uE000/g, (_token, index: string) => verbatim[Number(index)]!);
}

/** The post's body as HTML, with PAYWALL_PLACEHOLDER where its more tag was. */
export function wordpressBodyHtml(content: string): string {
  const html = captionsAsFigures(markCut(content.replace(/\r\n?/g, "\n")));
  return html.includes("<!-- wp:") ? html : paragraphs(html);
}
