import { describe, expect, it } from "vitest";
import { barPath, linePath, valueScale } from "./series-paths";

describe("series paths", () => {
  const scale = valueScale(-50, 100, 150); // 100 at the top (0), 0 at 100, -50 at the bottom (150)

  it("scales the highest tick to the top and the lowest to the bottom", () => {
    expect([100, 0, -50].map(scale)).toEqual([0, 100, 150]);
  });

  it("draws each bar from zero, below it for a negative value, none for zero or a missing value", () => {
    expect(barPath([100, -50, 0, null], { slot: 0, slots: 1, scale })).toBe(
      "M0.15 0h0.7V100h-0.7ZM1.15 100h0.7V150h-0.7Z",
    );
  });

  it("puts each series in its own slot of the bucket", () => {
    expect(barPath([100], { slot: 1, slots: 2, scale, offset: 2 })).toBe("M2.5 0h0.35V100h-0.35Z");
  });

  it("draws a line through the middle of the buckets, broken where a value is missing", () => {
    expect(linePath([0, 100, null, 50, -50], { scale })).toBe("M0.5 100L1.5 0M3.5 50L4.5 150");
  });
});
