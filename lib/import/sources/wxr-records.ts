// A WordPress export (WXR: an RSS document with WordPress's own elements)
// read as records, chunk by chunk: the channel's authors, categories and
// tags, then its items, each with the text of its child elements. Nothing
// here knows what a post is (wordpress-post.ts does).
//
// The file is hostile until proven otherwise. htmlparser2 knows no DTD, so
// entities are never expanded; a file that declares any is refused all the
// same, since no export does and the "billion laughs" bomb needs them. The
// parser holds a token whole until it ends (a CDATA section, a comment), so
// size is watched between chunks: an item over POST_SIZE_LIMIT is reported
// and skipped without being held, anything else over a megabyte refuses the
// file.
import { createReadStream } from "node:fs";
import { ImportFileError } from "@/lib/import/import-source";
import { LineCounter } from "./line-counter";
import { TRUNCATED, WxrHandler, type WxrRecord } from "./wxr-handler";

export type { WxrItem, WxrRecord, WxrTerm } from "./wxr-handler";

const CHUNK_BYTES = 64 * 1024;
const ITEM_END = "</item>";

/** The records of the WXR file at `path`; with `keepBody` false, items come without their content:encoded. */
export async function* readWxrRecords(path: string, options: { keepBody: boolean }): AsyncGenerator<WxrRecord> {
  const lines = new LineCounter();
  const handler = new WxrHandler(options.keepBody, lines);
  let parser = handler.open(0);
  let read = 0;
  // While skipping an oversized item: the last characters seen, in case
  // "</item>" spans two chunks. Skipping ends at the first "</item>", even
  // one written inside the item's CDATA: the rest of that item is then read
  // as markup, which most likely refuses the file as not well-formed. Only a
  // post over the limit that quotes an export's XML pays that price.
  let skipping: string | null = null;
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: CHUNK_BYTES })) {
    const text = chunk as string;
    lines.next(text);
    read += text.length;
    if (skipping === null) parser.write(text);
    else {
      const seen: string = skipping + text;
      const end = seen.indexOf(ITEM_END);
      if (end === -1) {
        skipping = seen.slice(-(ITEM_END.length - 1));
        continue;
      }
      skipping = null;
      const after = read - seen.length + end + ITEM_END.length;
      parser = handler.open(after, "<rss><channel>");
      parser.write(seen.slice(end + ITEM_END.length));
    }
    if (handler.overLimit(read)) skipping = text.slice(-(ITEM_END.length - 1));
    yield* handler.take();
  }
  if (skipping !== null) throw new ImportFileError(TRUNCATED);
  handler.ending = true;
  parser.end();
  yield* handler.take();
  handler.finish();
}
