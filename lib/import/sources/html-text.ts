// The text of a bit of HTML, on one line: tags dropped, entities decoded.
// WordPress keeps titles, excerpts and term names as HTML ("R&amp;D",
// "Less <em>is</em> more"), where Folio keeps text.
import { DomUtils, parseDocument } from "htmlparser2";

export function htmlText(html: string): string {
  return DomUtils.textContent(parseDocument(html)).replace(/\s+/g, " ").trim();
}
