// The editor's preview cut in the Markdown body: a line of its own reading
// `<!-- paywall -->`. PostgreSQL makes the actual cut (folio_preview); these
// helpers place the line for the editor and say where it is.
export const PAYWALL_MARKER = "<!-- paywall -->";

// A marker line as folio_preview recognises one (leading blanks allowed).
const MARKER_LINE = /^[ \t]*<!--[ \t]*paywall[ \t]*-->[^\n]*$/;

/** The 1-based line of the marker that cuts (the first), or null. */
export function cutLine(body: string): number | null {
  const index = body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .findIndex((line) => MARKER_LINE.test(line));
  return index === -1 ? null : index + 1;
}

/**
 * Puts the cut at `position` (a cursor in `body`) as a paragraph of its own,
 * removing any marker elsewhere: there is one cut. Returns the new body and
 * the cursor just after the marker.
 */
export function placeCut(body: string, position: number): { body: string; cursor: number } {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  // Remove existing markers (with the blank line after each, which set it
  // apart), keeping track of where the text at the cursor moves.
  let cursor = Math.max(0, Math.min(position, body.length));
  let offset = 0;
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const start = offset;
    offset += line.length + 1;
    if (!MARKER_LINE.test(line)) {
      kept.push(line);
      continue;
    }
    if (index + 1 < lines.length && lines[index + 1]!.trim() === "") offset += lines[++index]!.length + 1;
    if (cursor >= offset) cursor -= offset - start;
    else if (cursor > start) cursor = start;
  }
  const text = kept.join("\n");
  cursor = Math.min(cursor, text.length);
  const before = text.slice(0, cursor).replace(/\s+$/, "");
  const after = text.slice(cursor).replace(/^\s+/, "");
  const head = before === "" ? "" : `${before}\n\n`;
  const tail = after === "" ? "\n" : `\n\n${after}`;
  return { body: `${head}${PAYWALL_MARKER}${tail}`, cursor: head.length + PAYWALL_MARKER.length };
}
