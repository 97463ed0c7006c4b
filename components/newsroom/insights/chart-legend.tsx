// The key to a chart's series: each name beside a sample of its mark, so a
// series is told by its name and, for lines, its dash, never by colour alone.
export type LegendEntry = { name: string };

const SERIES_STYLES = 6;

/** The class that gives series j its colour and dash (admin.css, "Insights charts"). */
export function seriesClass(j: number): string {
  return `insights-series-${j % SERIES_STYLES}`;
}

export function ChartLegend({ series, kind }: { series: LegendEntry[]; kind: "bar" | "line" }) {
  return (
    <ul className="insights-legend">
      {series.map((entry, j) => (
        <li key={j} className={seriesClass(j)}>
          <svg aria-hidden="true" width="24" height="12" viewBox="0 0 24 12">
            {kind === "line" ? (
              <line className="insights-line" x1="0" y1="6" x2="24" y2="6" />
            ) : (
              <rect className="insights-bars" x="6" y="0" width="12" height="12" />
            )}
          </svg>
          {entry.name}
        </li>
      ))}
    </ul>
  );
}
