// The parser's side of reading a WordPress export (wxr-records.ts): the
// callbacks htmlparser2 calls, which keep the element path, collect each
// author, term and item, and refuse what no export has (declared entities,
// a first element that is not <rss>, nesting past 64, anything over its
// size limit). Sizes are offsets in the file, so a parser started again
// after a skipped item (open()) measures the same way.
import { Parser } from "htmlparser2";
import { ImportFileError } from "@/lib/import/import-source";
import type { LineCounter } from "./line-counter";
import { POST_SIZE_LIMIT } from "./post-size-limit";

export type WxrTerm = { domain: string; nicename: string; name: string };

export type WxrItem = {
  kind: "item";
  /** 1-based, counting every item, whatever its type. */
  number: number;
  line: number;
  /** The text of each child element by its name, e.g. "wp:post_id"; the last one wins. */
  fields: Map<string, string>;
  /** The item's `<category domain nicename>` elements, in order. */
  terms: WxrTerm[];
};

export type WxrRecord =
  | { kind: "author" | "category" | "tag"; fields: Map<string, string> }
  | WxrItem
  | { kind: "oversized-item"; number: number; line: number };

/** Outside an item, no element, comment or declaration of a real export is near this. */
const OTHER_LIMIT = 1024 * 1024;
const MAX_DEPTH = 64;
type RecordKind = "author" | "category" | "tag" | "item";
const RECORDS = new Map<string, RecordKind>([
  ["wp:author", "author"],
  ["wp:category", "category"],
  ["wp:tag", "tag"],
  ["item", "item"],
]);
/** Kept only for the second pass, which converts the bodies. */
const BODY = "content:encoded";

const NOT_XML = "This file is not XML, so it is not a WordPress export (WXR): such a file begins with <?xml or <rss.";
const NO_RSS = "This is not a WordPress export (WXR): it has no <rss> element.";
const NO_CHANNEL = "This is not a WordPress export (WXR): it has no <channel> in its <rss>.";
const NOT_WXR =
  "This is an RSS feed, not a WordPress export: it has no <wp:wxr_version>. Export the site with WordPress's Tools → Export.";
const ENTITIES =
  "This file defines XML entities, which a WordPress export never does: refused (entities are how an XML bomb is built).";
export const TRUNCATED =
  "This WordPress export is cut short: the file ends before its </channel>. Export it again, or upload all of it.";
const TOO_DEEP = `This file nests elements more than ${MAX_DEPTH} deep, which a WordPress export never does: refused.`;
const TOO_LARGE = `Outside its posts, this file has something (an author, a term, an element or a comment) over ${OTHER_LIMIT / 1024 / 1024} MB, which a WordPress export never has: refused.`;

type OpenRecord = {
  kind: RecordKind;
  start: number;
  number: number;
  line: number;
  fields: Map<string, string>;
  terms: WxrTerm[];
  /** The child element being read, its text so far, and its attributes. */
  field: { name: string; text: string; attributes: Record<string, string> } | null;
};

/** The parser's callbacks: they keep the element path and queue what they complete. */
export class WxrHandler {
  readonly queue: WxrRecord[] = [];
  private stack: string[] = [];
  private record: OpenRecord | null = null;
  private items = 0;
  private sawRss = false;
  private sawChannel = false;
  private sawVersion = false;
  private closedChannel = false;
  /** Set before the parser's end(): elements it then closes were never closed in the file. */
  ending = false;
  parser!: Parser;
  /** Where the current parser's index 0 is in the file. */
  private base = 0;

  constructor(
    private readonly keepBody: boolean,
    private readonly lines: LineCounter,
  ) {}

  private offset(index: number): number {
    return this.base + index;
  }

  onprocessinginstruction(name: string, data: string): void {
    const declaration = name.toLowerCase();
    if (declaration === "!entity" || (declaration === "!doctype" && /<!entity/i.test(data))) {
      throw new ImportFileError(ENTITIES);
    }
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    if (this.stack.length === 0) {
      if (name !== "rss") {
        throw new ImportFileError(`This is not a WordPress export (WXR): its first element is <${name}>, not <rss>.`);
      }
      this.sawRss = true;
    }
    this.stack.push(name);
    if (this.stack.length > MAX_DEPTH) throw new ImportFileError(TOO_DEEP);
    const depth = this.stack.length;
    if (depth === 2 && name === "channel") this.sawChannel = true;
    if (depth === 4 && this.record) this.record.field = { name, text: "", attributes };
    if (depth !== 3 || this.stack[1] !== "channel") return;
    if (name === "wp:wxr_version") this.sawVersion = true;
    const kind = RECORDS.get(name);
    if (!kind) return;
    if (kind === "item" && !this.sawVersion) throw new ImportFileError(NOT_WXR);
    const start = this.offset(this.parser.startIndex);
    const number = kind === "item" ? ++this.items : 0;
    const line = kind === "item" ? this.lines.lineAt(start) : 0;
    this.record = { kind, start, number, line, fields: new Map(), terms: [], field: null };
  }

  ontext(text: string): void {
    if (this.stack.length === 0) {
      if (/\S/.test(text)) throw new ImportFileError(NOT_XML);
      return;
    }
    const field = this.record?.field;
    if (!field || this.stack.length !== 4) return;
    if (field.name === BODY && !this.keepBody) return;
    field.text += text;
  }

  onclosetag(name: string, implied: boolean): void {
    if (implied) {
      throw new ImportFileError(
        this.ending ? TRUNCATED : `This file is not well-formed XML: its <${name}> is never closed.`,
      );
    }
    const depth = this.stack.length;
    this.stack.pop();
    if (depth === 2 && name === "channel") this.closedChannel = true;
    const record = this.record;
    if (!record) return;
    if (depth === 4 && record.field) {
      const { name: fieldName, text, attributes } = record.field;
      if (fieldName === "category") {
        record.terms.push({ domain: attributes.domain ?? "", nicename: attributes.nicename ?? "", name: text });
      } else record.fields.set(fieldName, text);
      record.field = null;
    }
    if (depth === 3) {
      this.record = null;
      const size = this.offset(this.parser.endIndex) - record.start;
      if (record.kind !== "item") this.queue.push({ kind: record.kind, fields: record.fields });
      else if (size > POST_SIZE_LIMIT)
        this.queue.push({ kind: "oversized-item", number: record.number, line: record.line });
      else
        this.queue.push({
          kind: "item",
          number: record.number,
          line: record.line,
          fields: record.fields,
          terms: record.terms,
        });
    }
  }

  /**
   * After a chunk: true when the open item is over POST_SIZE_LIMIT, which is
   * then queued as oversized and dropped, for the reader to skip to its end.
   */
  overLimit(read: number): boolean {
    const record = this.record;
    if (!record) {
      // What the parser holds unfinished: everything since its last event.
      if (read - this.offset(this.parser.endIndex) > OTHER_LIMIT) throw new ImportFileError(TOO_LARGE);
      return false;
    }
    const size = read - record.start;
    if (record.kind !== "item") {
      if (size > OTHER_LIMIT) throw new ImportFileError(TOO_LARGE);
      return false;
    }
    if (size <= POST_SIZE_LIMIT) return false;
    this.queue.push({ kind: "oversized-item", number: record.number, line: record.line });
    this.record = null;
    return true;
  }

  /**
   * A fresh parser for the file from `offset` on. `prefix` is made-up markup
   * fed first: "<rss><channel>" to go on inside the channel after a skip.
   */
  open(offset: number, prefix = ""): Parser {
    this.stack = [];
    this.base = offset - prefix.length;
    this.parser = new Parser(this, { xmlMode: true, recognizeCDATA: true });
    this.parser.write(prefix);
    return this.parser;
  }

  take(): WxrRecord[] {
    return this.queue.splice(0);
  }

  finish(): void {
    if (!this.sawRss) throw new ImportFileError(NO_RSS);
    if (!this.sawChannel) throw new ImportFileError(NO_CHANNEL);
    if (!this.closedChannel) throw new ImportFileError(TRUNCATED);
  }
}
