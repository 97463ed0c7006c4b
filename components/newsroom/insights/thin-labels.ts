// Which labels of a time axis to draw. A year of days has 365 labels; drawn
// all, they would be a black smear. The server cannot know how wide the
// chart will be, and the labels' font does not scale with it, so labels are
// chosen for a few plot widths: every step-th one so that labels of the
// longest length do not touch at that width. Each kept label gets the level
// of the narrowest width it shows at (0: always); admin.css ("Insights
// charts") hides the higher levels in narrower charts. A label is centred
// on its bucket; one that would hang too far past the plot's edge at a width
// (the first of a year of days, whose bucket is a pixel wide) waits for a
// wider one, or is left out.

export type AxisLabel = { index: number; text: string; level: number };

export type ThinOptions = {
  /** How many bucket widths the plot has (more than labels when few buckets are centred in it), and the empty ones before the first. */
  slots?: number;
  offset?: number;
  /** Pixels beside the plot that a label may reach into (the value axis, the frame's padding). */
  roomLeft?: number;
  roomRight?: number;
  /** Plot widths in CSS pixels, narrowest first, matching the container queries in admin.css. */
  widths?: number[];
  /** The average width of a character of the axis font (12px sans-serif), and the room between labels. */
  charWidth?: number;
  gap?: number;
};

export const LABEL_WIDTHS = [280, 540, 1000];

export function thinLabels(
  labels: string[],
  {
    slots = labels.length,
    offset = 0,
    roomLeft = 36,
    roomRight = 12,
    widths = LABEL_WIDTHS,
    charWidth = 7,
    gap = 14,
  }: ThinOptions = {},
): AxisLabel[] {
  const count = labels.length;
  if (count === 0 || widths.length === 0) return [];
  const pitch = Math.max(...labels.map((label) => label.length)) * charWidth + gap;
  // From the widest down, each step a multiple of the one after it, so that
  // a narrower chart's labels are a subset of a wider one's.
  const steps: number[] = [];
  let wider = 1;
  for (const width of [...widths].reverse()) {
    wider = Math.max(1, Math.ceil((slots * pitch) / width / wider)) * wider;
    steps.unshift(wider);
  }
  const half = (pitch - gap) / 2;
  const fits = (index: number, width: number) => {
    const centre = ((offset + index + 0.5) / slots) * width;
    return centre - half >= -roomLeft && centre + half <= width + roomRight;
  };
  const kept: AxisLabel[] = [];
  for (let index = 0; index < count; index += steps.at(-1)!) {
    const level = widths.findIndex((width, level) => index % steps[level]! === 0 && fits(index, width));
    if (level >= 0) kept.push({ index, text: labels[index]!, level });
  }
  return kept;
}
