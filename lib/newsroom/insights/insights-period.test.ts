import { describe, expect, it } from "vitest";
import { bucketsOf, parseInsightsPeriod } from "./insights-period";

const NOW = new Date("2026-12-07T10:00:00Z");
const ZONE = "Europe/Paris";
const parse = (params: Record<string, string>) => parseInsightsPeriod(params, NOW, ZONE);

describe("parseInsightsPeriod", () => {
  it("defaults to the last 30 days, today included, one bucket a day", () => {
    const result = parse({});
    expect(result.ok && result.period).toMatchObject({
      preset: "30d",
      from: "2026-11-08",
      to: "2026-12-07",
      group: "day",
    });
    expect(result.ok && result.period.buckets).toHaveLength(30);
  });

  it("reads a custom period and groups it by week, Monday to Sunday", () => {
    const result = parse({ period: "custom", from: "2026-11-04", to: "2026-11-20", group: "week" });
    expect(result.ok && result.period.buckets.map(({ start, end }) => [start, end])).toEqual([
      ["2026-11-04", "2026-11-08"],
      ["2026-11-09", "2026-11-15"],
      ["2026-11-16", "2026-11-20"],
    ]);
  });

  it("says what is wrong with a period it cannot show", () => {
    expect(parse({ period: "custom", from: "2026-12-01", to: "2026-11-01" })).toEqual({
      ok: false,
      message: "The period starts (2026-12-01) after it ends (2026-11-01).",
    });
    expect(parse({ period: "custom", from: "1926-01-01", to: "2026-01-01" })).toMatchObject({ ok: false });
    expect(parse({ period: "custom", from: "2026-02-30", to: "2026-03-01" })).toMatchObject({ ok: false });
    expect(parse({ period: "custom" })).toMatchObject({ ok: false });
    expect(parse({ group: "hour" })).toEqual({ ok: false, message: 'Group by "day" or "week", not "hour".' });
    expect(parse({ period: "forever" })).toMatchObject({ ok: false });
    expect(parse({ group: "x".repeat(10_000) })).toMatchObject({ ok: false });
  });

  it("allows two years, not more", () => {
    expect(parse({ period: "custom", from: "2024-12-06", to: "2026-12-06" })).toMatchObject({ ok: true });
    expect(parse({ period: "custom", from: "2024-12-01", to: "2026-12-06" })).toMatchObject({ ok: false });
  });

  it("takes today in the publication's time zone", () => {
    const lateEvening = parseInsightsPeriod({ period: "7d" }, new Date("2026-12-07T23:30:00Z"), ZONE);
    expect(lateEvening.ok && lateEvening.period.to).toBe("2026-12-08");
  });
});

describe("bucketsOf", () => {
  it("covers every day once", () => {
    const weeks = bucketsOf("2026-01-01", "2026-12-31", "week");
    expect(weeks[0]).toMatchObject({ start: "2026-01-01", end: "2026-01-04" });
    expect(weeks.at(-1)).toMatchObject({ end: "2026-12-31" });
    expect(weeks).toHaveLength(53);
  });
});
