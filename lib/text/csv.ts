// CSV for the files the newsroom downloads (the readers export, the
// dashboard's charts). Writing is csv-stringify's: quoting per RFC 4180 has
// enough corners (quotes, delimiters, line breaks inside a cell) that a
// well-kept library is safer than our own.
//
// Cells are also neutralised against formula injection (OWASP's "CSV
// Injection"): a spreadsheet runs a cell that starts with =, +, -, @, a tab
// or a carriage return as a formula, so a reader who names themselves
// =HYPERLINK(...) would put a live link, or worse, in an admin's Excel. Such
// a cell gets a leading apostrophe, which spreadsheets show as text.
// Only strings are guarded: a number is written by us, not typed by a
// reader, so -3 in a numeric column stays -3 and still sums.
import { stringify } from "csv-stringify/sync";

/** What a cell may hold. null and undefined are empty cells. */
export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

/**
 * Rows as CSV text, each ending in CRLF (RFC 4180), so that the text of
 * consecutive batches can be concatenated into one file. Dates are written
 * as ISO 8601 instants (UTC), booleans as true / false.
 */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: "\r\n",
      // Given a record delimiter, csv-stringify would quote only cells that
      // contain that very sequence; a lone \n or \r must be quoted too, or
      // it splits the row in every reader.
      quote_record_delimiter: true,
      eof: true,
      // csv-stringify skips the apostrophe for a leading "-" when the cell is a
      // number or bigint, which is the rule above.
      escape_formulas: true,
      cast: {
        date: (value) => value.toISOString(),
        boolean: (value) => (value ? "true" : "false"),
      },
    },
  );
}
