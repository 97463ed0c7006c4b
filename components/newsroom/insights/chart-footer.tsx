// Under each chart: its numbers as a table (folded away, a year of days is
// long) and the link to the same numbers as a CSV file.
import type { ReactNode } from "react";

export function ChartFooter({ title, csvHref, children }: { title: string; csvHref?: string; children?: ReactNode }) {
  return (
    <div className="insights-chart-foot">
      {children && (
        <details className="insights-chart-table">
          <summary>
            Table<span className="visually-hidden"> of {title}</span>
          </summary>
          {children}
        </details>
      )}
      {csvHref && (
        <a className="insights-csv" href={csvHref} download>
          Download CSV<span className="visually-hidden"> of {title}</span>
        </a>
      )}
    </div>
  );
}
