// The funnel from reading to paying as horizontal bars, one row a step: its
// name, a bar as long as its count against the largest step's, the count and
// what share of the step before reached it. Drawn like time-series-chart.tsx:
// text in CSS pixels, lengths in percent of the width, no style attributes.
import { ChartFooter } from "./chart-footer";
import { DataTable } from "./data-table";
import { formatValue } from "./format-value";
import { NothingCounted } from "./nothing-counted";

/**
 * A step, and which step it converts: `from` names it (the funnel's steps
 * branch: gifts and checkouts both follow panels); unset, the step before.
 */
export type FunnelStep = { name: string; count: number; from?: string | null };

export type FunnelChartProps = {
  steps: FunnelStep[];
  csvHref?: string;
  /** Names the chart, its table and its CSV link for screen readers; "Funnel" unless given. */
  title?: string;
};

// Pixels, per step: the name, the bar below it, the numbers below that.
const ROW = 66;
const NAME_Y = 15;
const BAR_Y = 22;
const BAR_HEIGHT = 16;
const NUMBERS_Y = 56;

/** The step this one converts: the one it names, or the step before. */
function sourceOf(steps: FunnelStep[], i: number): FunnelStep | undefined {
  const from = steps[i]!.from;
  if (from === null) return undefined;
  return from === undefined ? steps[i - 1] : steps.find((step) => step.name === from);
}

/** The share of the source step that reached this one; null for a step without one, or after a step of none. */
function conversion(steps: FunnelStep[], i: number): number | null {
  const previous = sourceOf(steps, i)?.count;
  return previous ? steps[i]!.count / previous : null;
}

export function FunnelChart({ steps, csvHref, title = "Funnel" }: FunnelChartProps) {
  if (steps.every((step) => step.count === 0)) {
    return (
      <figure className="insights-chart" aria-label={title}>
        <NothingCounted />
        <ChartFooter title={title} csvHref={csvHref} />
      </figure>
    );
  }
  const largest = Math.max(...steps.map((step) => step.count));
  const rows = steps.map((step, i) => {
    const rate = conversion(steps, i);
    const source = sourceOf(steps, i);
    const before = step.from === undefined ? "the step before" : (source?.name.toLowerCase() ?? "");
    return {
      ...step,
      rate,
      before,
      share: step.count / largest,
      ofPrevious: source ? `${formatValue(rate, "percent")} of ${before}` : null,
    };
  });
  const summary =
    `${title}: ` +
    rows
      .map((row) => {
        const count = `${row.name} ${formatValue(row.count, "count")}`;
        if (row.ofPrevious === null) return count;
        return row.rate === null ? `${count}, ${row.before} had none` : `${count}, ${row.ofPrevious}`;
      })
      .join("; ") +
    ".";

  return (
    <figure className="insights-chart" aria-label={title}>
      <svg className="insights-funnel" role="img" aria-label={summary} width="100%" height={steps.length * ROW - 4}>
        <title>{title}</title>
        {rows.map((row, i) => (
          <g key={i} transform={`translate(0 ${i * ROW})`}>
            <text className="insights-funnel-name" y={NAME_Y}>
              {row.name}
            </text>
            <rect className="insights-funnel-track" y={BAR_Y} width="100%" height={BAR_HEIGHT} />
            <rect
              className="insights-funnel-bar"
              y={BAR_Y}
              width={`${Math.round(row.share * 10000) / 100}%`}
              height={BAR_HEIGHT}
            />
            <text y={NUMBERS_Y}>
              <tspan className="insights-funnel-count">{formatValue(row.count, "count")}</tspan>
              {row.ofPrevious !== null && <tspan className="insights-funnel-rate"> · {row.ofPrevious}</tspan>}
            </text>
          </g>
        ))}
      </svg>
      <ChartFooter title={title} csvHref={csvHref}>
        <DataTable
          caption={title}
          captionHidden
          columns={[
            { key: "name", label: "Step", format: "text" },
            { key: "count", label: "Count", format: "count" },
            { key: "before", label: "Counted against", format: "text" },
            { key: "rate", label: "Conversion", format: "percent" },
          ]}
          rows={rows.map((row) => ({ name: row.name, count: row.count, before: row.before || null, rate: row.rate }))}
        />
      </ChartFooter>
    </figure>
  );
}
