// The rows of a Ghost export's tables, read from a token stream so that a
// file of any size takes the same memory: only the rows asked for are built,
// one at a time, and of those only the string fields asked for are kept;
// every other string is measured as it streams past and never held. A bad
// file is refused here, with a sentence (ghost-file-refusal.ts).
import { parseFile } from "stream-json/file/parser.js";
import type { Token } from "stream-json/parser.js";
import { ImportFileError } from "@/lib/import/import-source";
import { ghostFileRefusal } from "./ghost-file-refusal";
import { POST_SIZE_LIMIT } from "./post-size-limit";

// Strings are streamed in chunks, never packed whole by the parser, so that
// one over POST_SIZE_LIMIT is counted rather than held. Keys and numbers are
// packed; one of a megabyte is no Ghost export, nor is nesting past 64.
const PARSER_OPTIONS = {
  packKeys: true,
  streamKeys: false,
  packStrings: false,
  streamStrings: true,
  packNumbers: true,
  streamNumbers: false,
  maxPackedLength: 1024 * 1024,
  maxDepth: 64,
};

/** A field's value; numbers as their text, since ids were numbers before Ghost 1.0. */
export type GhostScalar = string | boolean | null;

/** A row of one of the export's tables: its flat fields (nested values are left out). */
export type GhostRow = {
  /** The row's 0-based position in its table. */
  index: number;
  /** Scalars, and the string fields that were kept and within POST_SIZE_LIMIT. */
  values: Map<string, GhostScalar>;
  /** The length of every string field, kept or not. */
  lengths: Map<string, number>;
};

/** The tables to read, each with which of its string fields to keep. */
export type GhostTables = Map<string, (field: string) => boolean>;

/** A kept string field's text, or null when it is missing, blank or not a string. */
export function rowText(row: GhostRow, field: string): string | null {
  const value = row.values.get(field);
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** Where a row is, for the report: `post 12 ("its-slug")`. */
export function rowWhere(kind: string, row: GhostRow): string {
  const slug = rowText(row, "slug");
  return `${kind} ${row.index + 1}${slug ? ` (${JSON.stringify(slug)})` : ""}`;
}

type Frame = { isArray: boolean; key: string | null; index: number; table: string | null };

/**
 * The rows of `tables` under db[0].data as `[table, row]`, in file order,
 * each as soon as it closes. With `stopAfter`, reading ends with that table;
 * without, the whole file is read, and one cut short or with no posts list
 * is refused.
 */
export async function* readGhostRows(
  path: string,
  tables: GhostTables,
  stopAfter?: string,
): AsyncGenerator<[string, GhostRow]> {
  // One frame per open object or list: the root, whose key is "db" (0); the db list (1); its first element,
  // whose key is "data" (2); data, whose key is the table's name (3); the table (4); a row, keyed by field (5).
  const stack: Frame[] = [];
  let first = true;
  let sawPosts = false;
  let row: GhostRow | null = null;
  let text: { field: string; chunks: string[] | null; length: number } | null = null;

  const tableOpening = (): string | null => {
    if (stack.length !== 4) return null;
    const [root, db, element, data] = stack as [Frame, Frame, Frame, Frame];
    const atData = root.key === "db" && db.isArray && db.index === 0 && element.key === "data" && !data.isArray;
    return atData ? data.key : null;
  };
  const startValue = () => {
    const parent = stack.at(-1);
    if (parent?.isArray) parent.index += 1;
  };
  const field = () => (row && stack.length === 6 ? stack[5]!.key : null);

  try {
    for await (const token of parseFile(PARSER_OPTIONS)(path) as AsyncIterable<Token>) {
      if (first && token.name !== "startObject") {
        throw new ImportFileError("This is not a Ghost export: it is JSON, but not an object with a db list.");
      }
      first = false;
      switch (token.name) {
        case "startObject":
        case "startArray": {
          startValue();
          const isArray = token.name === "startArray";
          const table = isArray ? tableOpening() : null;
          if (table === "posts") sawPosts = true;
          const parent = stack.at(-1);
          if (!isArray && stack.length === 5 && parent?.table && tables.has(parent.table)) {
            row = { index: parent.index, values: new Map(), lengths: new Map() };
          }
          stack.push({ isArray, key: null, index: -1, table });
          break;
        }
        case "endObject":
        case "endArray": {
          const closed = stack.pop();
          if (row && stack.length === 5) {
            yield [stack[4]!.table!, row];
            row = null;
          }
          if (closed?.table != null && closed.table === stopAfter) return;
          break;
        }
        case "keyValue":
          stack.at(-1)!.key = token.value;
          break;
        case "startString": {
          startValue();
          const name = field();
          if (name != null) text = { field: name, chunks: tables.get(stack[4]!.table!)!(name) ? [] : null, length: 0 };
          break;
        }
        case "stringChunk":
          if (text) {
            text.length += token.value.length;
            if (text.length > POST_SIZE_LIMIT) text.chunks = null;
            text.chunks?.push(token.value);
          }
          break;
        case "endString":
          if (text) {
            row?.lengths.set(text.field, text.length);
            if (text.chunks) row?.values.set(text.field, text.chunks.join(""));
            text = null;
          }
          break;
        case "numberValue":
        case "nullValue":
        case "trueValue":
        case "falseValue": {
          startValue();
          const name = field();
          if (name != null) row!.values.set(name, token.value);
          break;
        }
      }
    }
  } catch (error) {
    throw await ghostFileRefusal(path, error);
  }
  // parseFile does not flush its parser at the end of the file, so a file cut short raises no parse error:
  // what is still open says so.
  if (first) throw new ImportFileError("The file is empty.");
  if (stack.length > 0) throw new ImportFileError("The file ends before the Ghost export does: it looks truncated.");
  if (!sawPosts) throw new ImportFileError("This is not a Ghost export: it has no list of posts at db[0].data.posts.");
}
