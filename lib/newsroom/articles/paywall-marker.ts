// The editor's "Insert preview cut" button: a text-editing helper that writes
// the `<!-- paywall -->` line into the Markdown body. Where the cut then is,
// and what counts as a marker, is decided by lib/articles/paywall-cut.ts
// alone (the live preview asks the server, which uses the same module); this
// helper asks that module which lines are markers and which blocks the cursor
// is in, so it never places a marker that would not cut.
import { isPaywallMarker, topLevelBlocks } from "@/lib/articles/paywall-cut";

export const PAYWALL_MARKER = "<!-- paywall -->";

/** Removes every top-level marker line (with the blank line after it), moving `cursor` along with the text. */
function removeMarkers(text: string, position: number): { text: string; cursor: number } {
  let cursor = position;
  let result = text;
  const markers = topLevelBlocks(text).filter((block) => isPaywallMarker(block.node));
  // From the last, so that earlier offsets stay valid.
  for (const marker of markers.reverse()) {
    const start = marker.start;
    let end = result.indexOf("\n", marker.end);
    end = end === -1 ? result.length : end + 1;
    const blank = /^[ \t]*(\n|$)/.exec(result.slice(end));
    if (blank && end < result.length) end += blank[0].length;
    if (cursor >= end) cursor -= end - start;
    else if (cursor > start) cursor = start;
    result = result.slice(0, start) + result.slice(end);
  }
  return { text: result, cursor };
}

/**
 * Puts the cut at `position` (a cursor in `body`) as a paragraph of its own,
 * removing any marker elsewhere: there is one cut. Inside a paragraph the cut
 * splits it; inside any other block (a code block, list, table, quote) the
 * cut goes after that block, where it is a cut. Returns the new body and the
 * cursor just after the marker.
 */
export function placeCut(body: string, position: number): { body: string; cursor: number } {
  const normalized = body.replace(/\r\n?/g, "\n");
  const removed = removeMarkers(normalized, Math.max(0, Math.min(position, normalized.length)));
  const text = removed.text;
  let cursor = Math.min(removed.cursor, text.length);
  const inside = topLevelBlocks(text).find((block) => block.start < cursor && cursor < block.end);
  const splitting = inside?.node.type === "paragraph";
  if (inside && !splitting) cursor = inside.end;
  const before = text.slice(0, cursor).replace(/\s+$/, "");
  // Whole blank lines only: the indentation of the next block's first line
  // can be what makes it a block (four spaces make code).
  let after = text.slice(cursor).replace(/^(?:[ \t]*\n)+/, "");
  if (splitting) after = after.replace(/^[ \t]+/, "");
  const head = before === "" ? "" : `${before}\n\n`;
  const tail = after === "" ? "\n" : `\n\n${after}`;
  return { body: `${head}${PAYWALL_MARKER}${tail}`, cursor: head.length + PAYWALL_MARKER.length };
}
