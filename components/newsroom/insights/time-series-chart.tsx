// A time series as an SVG chart drawn on the server: bars grouped per bucket
// (not stacked, since the series of a chart need not add up and net can be
// negative) or lines, with its numbers in a table and a CSV link below.
//
// The SVG has a fixed height and the page's width, and its text is in CSS
// pixels: a viewBox scaling the whole drawing would shrink the labels to 5px
// on a phone. Only the marks sit in a nested SVG whose viewBox stretches to
// the width (one unit a bucket); text and gridlines are placed in percent of
// the width, so no position needs the width the server cannot know. No
// style attributes: the CSP (lib/http/security-headers.ts) allows none;
// colours are classes in admin.css.
import { ChartFooter } from "./chart-footer";
import { ChartLegend, seriesClass } from "./chart-legend";
import { DataTable } from "./data-table";
import { formatValue } from "./format-value";
import { niceTicks } from "./nice-ticks";
import { NothingCounted } from "./nothing-counted";
import { barPath, linePath, valueScale } from "./series-paths";
import { thinLabels } from "./thin-labels";

export type TimeSeries = { name: string; values: number[]; format?: "count" | "money" | "percent" };

export type TimeSeriesChartProps = {
  title: string;
  buckets: { label: string }[];
  /** Share one unit: the axis is in the first series' format. */
  series: TimeSeries[];
  kind?: "bar" | "line";
  csvHref?: string;
  /** For money series (ISO 4217), whose values are minor units. */
  currency?: string;
  caption?: string;
};

// Pixels: room above the top gridline for half its label, the plot, the x labels.
const TOP = 10;
const PLOT = 180;
const HEIGHT = TOP + PLOT + 30;
// Fewer buckets than this are centred rather than stretched into slabs.
const MIN_SLOTS = 8;
// Dots on the points of a line only while they stay apart.
const MAX_DOTS = 40;

// The value labels hang left of the plot, in the svg's padding (admin.css):
// as wide as the longest needs, in three sizes, since the CSP allows no
// style attribute to set it exactly.
function gutterClass(labels: string[]): string {
  const longest = Math.max(...labels.map((label) => label.length));
  return longest <= 4 ? "insights-gutter-s" : longest <= 6 ? "insights-gutter-m" : "insights-gutter-l";
}

/** What a screen reader says for the chart: its span and each series' range; the table has the rest. */
function summaryOf({ title, buckets, series, kind, currency }: TimeSeriesChartProps, values: (number | null)[][]) {
  const ranges = series.map((s, j) => {
    const own = values[j]!.filter((v) => v !== null);
    if (own.length === 0) return `${s.name}: none`;
    const [least, most] = [Math.min(...own), Math.max(...own)].map((v) => formatValue(v, s.format, { currency }));
    return `${s.name} from ${least} to ${most}`;
  });
  const periods = `${buckets.length} ${buckets.length === 1 ? "period" : "periods"}`;
  return (
    `${title}. ${kind === "line" ? "Line" : "Bar"} chart, ${buckets[0]!.label} to ${buckets.at(-1)!.label} ` +
    `(${periods}): ${ranges.join("; ")}. Every value is in the table below.`
  );
}

const percent = (fraction: number) => `${Math.round(fraction * 10000) / 100}%`;

export function TimeSeriesChart({
  title,
  buckets,
  series,
  kind = "bar",
  csvHref,
  currency,
  caption,
}: TimeSeriesChartProps) {
  const count = buckets.length;
  const values = series.map((s) =>
    buckets.map((_, i) => {
      const value = s.values[i];
      return value !== undefined && Number.isFinite(value) ? value : null;
    }),
  );
  const finite = values.flat().filter((v) => v !== null);
  const format = series[0]?.format ?? "count";
  const head = (
    <figcaption className="insights-chart-head">
      <span className="insights-chart-title">{title}</span>
      {caption && <span className="meta">{caption}</span>}
    </figcaption>
  );
  // All zeros is as empty as no buckets: an axis from 0 to 1 would only say so less plainly.
  if (finite.every((v) => v === 0)) {
    return (
      <figure className="insights-chart">
        {head}
        <NothingCounted />
        <ChartFooter title={title} csvHref={csvHref} />
      </figure>
    );
  }

  const ticks = niceTicks(Math.min(...finite), Math.max(...finite), { integer: format !== "percent" });
  const scale = valueScale(ticks[0]!, ticks.at(-1)!, PLOT);
  const tickLabels = ticks.map((tick) => formatValue(tick, format, { currency, axis: true }));
  const slots = Math.max(count, MIN_SLOTS);
  const offset = (slots - count) / 2;
  const centre = (i: number) => percent((offset + i + 0.5) / slots);

  const table = (
    <DataTable
      caption={title}
      captionHidden
      currency={currency}
      columns={[
        { key: "period", label: "Period", format: "text" },
        ...series.map((s, j) => ({ key: `s${j}`, label: s.name, format: s.format ?? "count" })),
      ]}
      rows={buckets.map((bucket, i) =>
        Object.fromEntries([["period", bucket.label], ...values.map((v, j) => [`s${j}`, v[i]])]),
      )}
    />
  );

  return (
    <figure className="insights-chart">
      {head}
      <ChartLegend series={series} kind={kind} />
      <div className="insights-chart-frame">
        <svg
          className={`insights-plot ${gutterClass(tickLabels)}`}
          role="img"
          aria-label={summaryOf({ title, buckets, series, kind, currency }, values)}
          width="100%"
          height={HEIGHT}
        >
          <title>{title}</title>
          {ticks.map((tick) => (
            <line
              key={tick}
              className={tick === 0 ? "insights-zero" : "insights-grid"}
              x1="0"
              x2="100%"
              y1={TOP + scale(tick)}
              y2={TOP + scale(tick)}
            />
          ))}
          <svg
            y={TOP}
            width="100%"
            height={PLOT}
            viewBox={`0 0 ${slots} ${PLOT}`}
            preserveAspectRatio="none"
            overflow="visible"
          >
            {values.map((v, j) => (
              <path
                key={j}
                className={`${seriesClass(j)} ${kind === "line" ? "insights-line" : "insights-bars"}`}
                d={
                  kind === "line"
                    ? linePath(v, { scale, offset })
                    : barPath(v, { slot: j, slots: series.length, scale, offset })
                }
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
          {kind === "line" &&
            count <= MAX_DOTS &&
            values.map((v, j) => (
              <g key={j} className={`${seriesClass(j)} insights-dots`}>
                {v.map((value, i) =>
                  value === null ? null : <circle key={i} cx={centre(i)} cy={TOP + scale(value)} r="3" />,
                )}
              </g>
            ))}
          {tickLabels.map((label, t) => (
            <text key={t} className="insights-y-label" x="-8" y={TOP + scale(ticks[t]!) + 4} textAnchor="end">
              {label}
            </text>
          ))}
          {thinLabels(
            buckets.map((bucket) => bucket.label),
            { slots, offset },
          ).map((label) => (
            <text
              key={label.index}
              className={`insights-x-label insights-x-level-${label.level}`}
              y={TOP + PLOT + 20}
              x={centre(label.index)}
              textAnchor="middle"
            >
              {label.text}
            </text>
          ))}
        </svg>
      </div>
      <ChartFooter title={title} csvHref={csvHref}>
        {table}
      </ChartFooter>
    </figure>
  );
}
