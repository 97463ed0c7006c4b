// Period arithmetic follows Stripe: counted from the anchor, clamped to the
// end of shorter months.
import { describe, expect, it } from "vitest";
import { addIntervals, nextPeriodEnd } from "./billing-periods";

const at = (iso: string) => Date.parse(iso) / 1000;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe("billing periods", () => {
  it.each([
    ["2026-01-15T10:00:00Z", "month", 1, "2026-02-15T10:00:00.000Z"],
    ["2026-01-31T10:00:00Z", "month", 1, "2026-02-28T10:00:00.000Z"],
    ["2026-01-31T10:00:00Z", "month", 2, "2026-03-31T10:00:00.000Z"],
    ["2028-01-31T00:00:00Z", "month", 1, "2028-02-29T00:00:00.000Z"],
    ["2026-12-31T23:59:59Z", "month", 1, "2027-01-31T23:59:59.000Z"],
    ["2028-02-29T12:00:00Z", "year", 1, "2029-02-28T12:00:00.000Z"],
    ["2026-06-01T00:00:00Z", "week", 2, "2026-06-15T00:00:00.000Z"],
  ])("%s + %i %s", (anchor, interval, count, expected) => {
    expect(iso(addIntervals(at(anchor), interval, count))).toBe(expected);
  });

  it("finds the next boundary from the anchor, not from the last period end", () => {
    const anchor = at("2026-01-31T00:00:00Z");
    expect(iso(nextPeriodEnd(anchor, "month", at("2026-02-28T00:00:00Z")))).toBe("2026-03-31T00:00:00.000Z");
  });

  it("rejects an interval it does not know", () => {
    expect(() => addIntervals(0, "fortnight", 1)).toThrow(/fortnight/);
  });
});
