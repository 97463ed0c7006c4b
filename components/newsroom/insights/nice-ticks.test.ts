import { describe, expect, it } from "vitest";
import { niceTicks } from "./nice-ticks";

describe("niceTicks", () => {
  it.each([
    [0, 87, [0, 25, 50, 75, 100]],
    [0, 100, [0, 25, 50, 75, 100]],
    [0, 1234, [0, 500, 1000, 1500]],
    [0, 0.382, [0, 0.1, 0.2, 0.3, 0.4]],
    [0, 0.3, [0, 0.1, 0.2, 0.3]],
    [-30, 80, [-50, 0, 50, 100]],
    [-12, -3, [-15, -10, -5, 0]],
    [5, 9, [0, 2.5, 5, 7.5, 10]],
    [0, 1_234_567, [0, 500_000, 1_000_000, 1_500_000]],
  ])("from %j to %j gives %j", (min, max, ticks) => {
    expect(niceTicks(min, max)).toEqual(ticks);
  });

  it("keeps whole numbers whole, with at least three ticks", () => {
    expect(niceTicks(0, 1, { integer: true })).toEqual([0, 1, 2]);
    expect(niceTicks(0, 3, { integer: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 9, { integer: true })).toEqual([0, 5, 10]);
    expect(niceTicks(-1, 0, { integer: true })).toEqual([-2, -1, 0]);
    expect(niceTicks(0, 0, { integer: true })).toEqual([0, 1, 2]);
  });

  it("gives an axis for nothing at all", () => {
    expect(niceTicks(0, 0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(Number.NaN, Infinity)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("gives 3 to maxTicks evenly spaced ticks covering the range, for many ranges", () => {
    for (const maxTicks of [3, 4, 5, 6]) {
      for (let i = 0; i < 500; i++) {
        const max = Math.exp(Math.sin(i) * 20) * (i % 3 === 0 ? -1 : 1);
        const min = i % 5 === 0 ? -Math.abs(max) / (1 + (i % 7)) : 0;
        const ticks = niceTicks(min, max, { maxTicks });
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        expect(ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, min, max));
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(0, max));
        expect(ticks).toContain(0);
        const step = ticks[1]! - ticks[0]!;
        ticks.forEach((tick, j) => expect(tick).toBeCloseTo(ticks[0]! + j * step, 9));
      }
    }
  });
});
