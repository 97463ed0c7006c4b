// Round numbers for a chart's value axis: 0, 25, 50, 75, 100 rather than
// 0, 21.75, 43.5. The ticks always include zero, so that bars start from
// it and a reader can compare their lengths; the first and last tick are the
// ends of the axis.

export type TickOptions = {
  /** At most this many ticks (at least 3). */
  maxTicks?: number;
  /** Whole numbers only: counts, and money in minor units. */
  integer?: boolean;
};

const STEPS = [1, 2, 2.5, 5];
const MIN_TICKS = 3;
// Floating point: 0.3 / 0.1 is 2.9999999999999996, which must count as 3.
const EPSILON = 1e-9;

const clean = (value: number) => Number(value.toPrecision(12)) || 0;

/** Evenly spaced round ticks from at most min(0, min) to at least max(0, max). */
export function niceTicks(min: number, max: number, { maxTicks = 5, integer = false }: TickOptions = {}): number[] {
  const most = Math.max(MIN_TICKS, Math.floor(maxTicks));
  const ends = [min, max].filter(Number.isFinite);
  const low = Math.min(0, ...ends);
  let high = Math.max(0, ...ends);
  if (high === low) high = low + 1;

  let magnitude = 10 ** Math.floor(Math.log10((high - low) / (most - 1)));
  if (integer) magnitude = Math.max(1, magnitude);
  for (;;) {
    for (const multiple of STEPS) {
      const step = clean(multiple * magnitude);
      if (integer && !Number.isInteger(step)) continue;
      const first = Math.floor(low / step + EPSILON);
      const last = Math.ceil(high / step - EPSILON);
      if (last - first + 1 > most) continue;
      const ticks = Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
      // A tiny range of whole numbers (0 to 1) has too few: extend away from zero.
      while (ticks.length < MIN_TICKS) {
        if (last > 0 || first === 0) ticks.push(clean(ticks.at(-1)! + step));
        else ticks.unshift(clean(ticks[0]! - step));
      }
      return ticks;
    }
    magnitude *= 10;
  }
}
