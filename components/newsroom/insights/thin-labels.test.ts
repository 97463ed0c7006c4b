import { describe, expect, it } from "vitest";
import { thinLabels } from "./thin-labels";

const days = (count: number) => Array.from({ length: count }, (_, i) => `Day ${String(i + 1).padStart(3, "0")}`);
const shownAt = (labels: ReturnType<typeof thinLabels>, level: number) =>
  labels.filter((label) => label.level <= level);

describe("thinLabels", () => {
  it("keeps every label when they fit the narrowest plot", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];
    expect(thinLabels(months)).toEqual(months.map((text, index) => ({ index, text, level: 0 })));
  });

  it("keeps few enough of a year of days that none overlap at each width", () => {
    const widths = [280, 540, 1000];
    const year = thinLabels(days(370), { widths, charWidth: 7, gap: 14 });
    // "Day 001" is 7 characters: 63px a label.
    widths.forEach((width, level) => {
      const shown = shownAt(year, level);
      expect(shown.length).toBeLessThanOrEqual(Math.floor(width / 63) + 1);
      expect(shown.length).toBeGreaterThanOrEqual(Math.floor(width / 63 / 2));
      const step = shown[1]!.index - shown[0]!.index;
      shown.forEach((label, i) => expect(label.index).toBe(i * step));
    });
    expect(year[0]).toEqual({ index: 0, text: "Day 001", level: 0 });
  });

  it("counts the width of the slots when a few buckets are centred in more", () => {
    const three = thinLabels(["Dec 8", "Dec 9", "Dec 10"], { slots: 8 });
    expect(three.map((label) => label.text)).toEqual(["Dec 8", "Dec 9", "Dec 10"]);
    expect(shownAt(three, 0).map((label) => label.text)).toEqual(["Dec 8", "Dec 10"]);
  });

  it("leaves out a label that would hang past the edge, or keeps it for a wider plot", () => {
    const labels = Array.from({ length: 10 }, (_, i) => `Label number ${i}`); // 14 characters: 98px wide
    expect(thinLabels(labels, { widths: [280], roomRight: 0 }).map((label) => label.index)).toEqual([0, 4]);
    expect(thinLabels(labels, { widths: [280, 1000], roomRight: 0 }).filter((label) => label.index === 8)).toEqual([
      { index: 8, text: "Label number 8", level: 1 },
    ]);
    expect(thinLabels(labels, { widths: [280], roomLeft: 0 }).map((label) => label.index)).toEqual([4, 8]);
  });

  it("is empty for no labels", () => {
    expect(thinLabels([])).toEqual([]);
  });
});
