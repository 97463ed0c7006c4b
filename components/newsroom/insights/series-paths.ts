// The marks of a time series as one SVG path per series, however many
// buckets: a year of days is one element, not 365. Coordinates are those of
// the plot's own viewBox (time-series-chart.tsx): bucket i spans x from i to
// i + 1, and y runs from 0 at the top tick to `height` at the bottom one.

export type Scale = (value: number) => number;

/** Maps values between the lowest and highest tick onto the plot's height. */
export function valueScale(lowest: number, highest: number, height: number): Scale {
  return (value) => ((highest - value) / (highest - lowest)) * height;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Bars of one series among `slots` side by side in each bucket (grouped,
 * not stacked: the series of a chart need not add up, and net may be
 * negative). Each bar goes from zero to its value; missing values draw none.
 */
export function barPath(
  values: (number | null)[],
  { slot, slots, scale, offset = 0 }: { slot: number; slots: number; scale: Scale; offset?: number },
): string {
  // Thin buckets get a thinner gap, so a year of days still shows its bars.
  const gap = values.length > 60 ? 0.08 : 0.15;
  const width = (1 - 2 * gap) / slots;
  const zero = scale(0);
  const parts: string[] = [];
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value) || value === 0) return;
    const left = round(offset + i + gap + slot * width);
    const top = round(Math.min(zero, scale(value)));
    const bottom = round(Math.max(zero, scale(value)));
    parts.push(`M${left} ${top}h${round(width)}V${bottom}h${round(-width)}Z`);
  });
  return parts.join("");
}

/** A line through the middle of each bucket; a missing value breaks it. */
export function linePath(values: (number | null)[], { scale, offset = 0 }: { scale: Scale; offset?: number }): string {
  const parts: string[] = [];
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    parts.push(`${drawing ? "L" : "M"}${round(offset + i + 0.5)} ${round(scale(value))}`);
    drawing = true;
  });
  return parts.join("");
}
