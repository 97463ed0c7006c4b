// A table of numbers for the insights: the data behind each chart, and the
// page's own lists (the articles). The first column heads its row; numbers
// are formatted by format-value.ts and right-aligned so their digits line up.
// Sorting is the server's: a sortable heading is a link to the page sorted by
// it, and the sorted one says so with aria-sort.
import { formatValue, type ValueFormat } from "./format-value";
import { NOTHING_COUNTED } from "./nothing-counted";

export type DataTableColumn = {
  key: string;
  label: string;
  /** Unset: numbers are counts, strings are shown as they are. */
  format?: ValueFormat;
  sortHref?: string;
  sorted?: "asc" | "desc";
};

export type DataTableProps = {
  caption: string;
  columns: DataTableColumn[];
  rows: Record<string, string | number | null>[];
  /** For money columns (ISO 4217). */
  currency?: string;
  /** For screen readers only: under a chart, whose title already names the table. */
  captionHidden?: boolean;
};

type Row = DataTableProps["rows"][number];

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;
const SORT_ARROW = { asc: "▲", desc: "▼" } as const;

function isNumeric(column: DataTableColumn, rows: Row[]): boolean {
  if (column.format) return column.format !== "text";
  return rows.some((row) => typeof row[column.key] === "number");
}

function ColumnHeading({ column, numeric }: { column: DataTableColumn; numeric: boolean }) {
  return (
    <th
      scope="col"
      className={numeric ? "insights-num" : undefined}
      aria-sort={column.sorted ? ARIA_SORT[column.sorted] : undefined}
    >
      {column.sortHref ? (
        <a href={column.sortHref}>
          {column.label}
          {column.sorted && <span aria-hidden="true"> {SORT_ARROW[column.sorted]}</span>}
        </a>
      ) : (
        column.label
      )}
    </th>
  );
}

export function DataTable({ caption, columns, rows, currency, captionHidden = false }: DataTableProps) {
  if (columns.length === 0) return null;
  const numeric = columns.map((column) => isNumeric(column, rows));
  return (
    // A long table scrolls in its own box, which keyboard users reach with Tab.
    <div className="insights-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="insights-table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, c) => (
              <ColumnHeading key={column.key} column={column} numeric={numeric[c]!} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{NOTHING_COUNTED}</td>
            </tr>
          )}
          {rows.map((row, r) => (
            <tr key={r}>
              {columns.map((column, c) => {
                const Cell = c === 0 ? "th" : "td";
                return (
                  <Cell
                    key={column.key}
                    scope={c === 0 ? "row" : undefined}
                    className={numeric[c] ? "insights-num" : undefined}
                  >
                    {formatValue(row[column.key] ?? null, column.format, { currency })}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
