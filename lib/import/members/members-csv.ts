// Reads a members CSV as a stream of records, one at a time: the file is
// never held whole. The header decides the format (members-format.ts); each
// record comes with the line it starts on, for the report. What makes the
// whole file unreadable (not text, broken quoting, a record longer than any
// members row) is an ImportFileError naming the line; what is wrong with one
// row (too many fields, a bad address) is for the row's reader to report.
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream";
import { CsvError, parse, type Info } from "csv-parse";
import { ImportFileError } from "../import-source";
import { columnNames, detectMembersFormat, type MembersFormat } from "./members-format";

/**
 * The most characters one record may have. A members row is a few hundred
 * (Ghost's longest field, the note, stops at 2,000): a longer record is a
 * file that is not a members CSV, or a quote left open, and reading on would
 * hold it all in memory.
 */
export const MAX_RECORD_CHARS = 32_768;

export type MembersCsvRecord = {
  /** The line the record starts on (a quoted cell may span several). */
  line: number;
  /** The record's cells by column name (trimmed, lower case); a missing one is absent. */
  cells: Map<string, string>;
  /** How many fields the record has; the header's count is `columns.length`. */
  fields: number;
};

export type MembersCsv = {
  format: MembersFormat;
  columns: string[];
  records: AsyncIterable<MembersCsvRecord>;
  /** Closes the file when the records are not read to their end. */
  close(): Promise<void>;
};

const NOT_TEXT = /[\u0000\uFFFD]/;

/**
 * The line each record starts on. csv-parse counts the lines a record ends
 * on, but counts a CRLF inside a quoted cell as two lines: the count is
 * corrected by the CRLFs seen so far, and a record starts after the previous
 * one ended and the empty lines it skipped.
 */
export class RecordLines {
  private lastEnd = 0;
  private emptyLines = 0;
  private overcount = 0;

  next(info: Pick<Info, "lines" | "empty_lines">, fields: string[]): number {
    const start = this.lastEnd + 1 + (info.empty_lines - this.emptyLines);
    this.emptyLines = info.empty_lines;
    for (const field of fields) this.overcount += field.split("\r\n").length - 1;
    this.lastEnd = info.lines - this.overcount;
    return start;
  }

  /** csv-parse's line for an error, corrected the same way. */
  errorLine(lines: number): number {
    return lines - this.overcount;
  }
}

const NOT_MEMBERS = "This is not a Ghost members CSV or a Substack subscriber CSV";
const UNREADABLE = "This file is not a CSV Folio can read";

function fileError(error: unknown, lines: RecordLines, broken: string): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = lines.errorLine(Number(error.lines ?? 0));
  switch (error.code) {
    case "CSV_MAX_RECORD_SIZE":
      return new ImportFileError(
        `${broken}: the record on line ${line} is longer than ${MAX_RECORD_CHARS.toLocaleString("en-US")} characters, which no members row is (is a quote left open?).`,
      );
    case "CSV_QUOTE_NOT_CLOSED":
      return new ImportFileError(`${broken}: a quoted cell opened by line ${line} is never closed.`);
    case "CSV_INVALID_CLOSING_QUOTE":
      return new ImportFileError(`${broken}: on line ${line} a quoted cell goes on after its closing quote.`);
    default:
      return new ImportFileError(`${broken}: line ${line}: ${error.message.split(":")[0]}.`);
  }
}

type Parsed = { record: string[]; info: Info };

/** `state.header`: whether the header was read (before it, a broken file is no members CSV at all). */
async function* parsedRecords(path: string, lines: RecordLines, state: { header: boolean }): AsyncGenerator<Parsed> {
  const parser = parse({
    bom: true,
    info: true,
    // A row with too many or too few fields is one bad row, not a bad file.
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // pipeline, not pipe: a file that cannot be read fails the parser (and this loop) instead of the process.
  pipeline(createReadStream(path), parser, () => {});
  try {
    for await (const parsed of parser as AsyncIterable<Parsed>) yield parsed;
  } catch (error) {
    throw fileError(error, lines, state.header ? UNREADABLE : NOT_MEMBERS);
  } finally {
    parser.destroy();
  }
}

/**
 * Opens `path` and reads its header: throws ImportFileError when the file is
 * not a Ghost members CSV or a Substack subscriber CSV. The records are read
 * as they are iterated, once.
 */
export async function openMembersCsv(path: string): Promise<MembersCsv> {
  const lines = new RecordLines();
  const state = { header: false };
  const parsed = parsedRecords(path, lines, state);
  let first: IteratorResult<Parsed>;
  try {
    first = await parsed.next();
  } catch (error) {
    await parsed.return(undefined);
    throw error;
  }
  if (first.done) {
    throw new ImportFileError(`${NOT_MEMBERS}: the file is empty.`);
  }
  state.header = true;
  const header = first.value.record;
  lines.next(first.value.info, header);
  if (header.some((name) => NOT_TEXT.test(name))) {
    await parsed.return(undefined);
    throw new ImportFileError(`${NOT_MEMBERS}: it is not UTF-8 text.`);
  }
  let format: MembersFormat;
  try {
    format = detectMembersFormat(header);
  } catch (error) {
    await parsed.return(undefined);
    throw error;
  }
  const columns = columnNames(header);

  async function* records(): AsyncGenerator<MembersCsvRecord> {
    for await (const { record, info } of parsed) {
      const line = lines.next(info, record);
      if (record.some((field) => NOT_TEXT.test(field))) {
        throw new ImportFileError(`${UNREADABLE}: line ${line} is not UTF-8 text.`);
      }
      const cells = new Map<string, string>();
      columns.forEach((column, index) => {
        const value = record[index];
        if (value !== undefined && column !== "") cells.set(column, value);
      });
      yield { line, cells, fields: record.length };
    }
  }
  return {
    format,
    columns,
    records: records(),
    close: async () => {
      await parsed.return(undefined);
    },
  };
}
