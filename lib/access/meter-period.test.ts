import { describe, expect, it } from "vitest";
import { formatDayMonth } from "@/lib/articles/format";
import { meterPeriod } from "./meter-period";

describe("meterPeriod", () => {
  it.each([
    // [instant, zone, period, resetsAt]
    ["2026-11-30T23:59:59.000Z", "UTC", "2026-11", "2026-12-01T00:00:00.000Z"],
    ["2026-12-01T00:00:00.000Z", "UTC", "2026-12", "2027-01-01T00:00:00.000Z"],
    // New York is UTC-5 in winter: its November ends at 05:00 UTC on 1 December.
    ["2026-12-01T04:59:59.000Z", "America/New_York", "2026-11", "2026-12-01T05:00:00.000Z"],
    ["2026-12-01T05:00:00.000Z", "America/New_York", "2026-12", "2027-01-01T05:00:00.000Z"],
    // Tokyo is UTC+9: its December starts at 15:00 UTC on 30 November.
    ["2026-11-30T14:59:59.000Z", "Asia/Tokyo", "2026-11", "2026-11-30T15:00:00.000Z"],
    ["2026-11-30T15:00:00.000Z", "Asia/Tokyo", "2026-12", "2026-12-31T15:00:00.000Z"],
    // Across a daylight-saving change: Berlin's March has CET, April starts in CEST.
    ["2026-03-31T21:59:59.000Z", "Europe/Berlin", "2026-03", "2026-03-31T22:00:00.000Z"],
    ["2026-03-31T22:00:00.000Z", "Europe/Berlin", "2026-04", "2026-04-30T22:00:00.000Z"],
    // The year turns.
    ["2026-12-31T23:59:59.999Z", "UTC", "2026-12", "2027-01-01T00:00:00.000Z"],
  ])("%s in %s is %s, resetting at %s", (instant, zone, period, resetsAt) => {
    expect(meterPeriod(new Date(instant), zone)).toEqual({ period, resetsAt: new Date(resetsAt) });
  });
});

describe("the reset date a page prints", () => {
  it("is the first of the next month in the publication's zone, also when the clocks changed in between", () => {
    process.env.PUBLICATION_TIMEZONE = "Europe/London";
    expect(formatDayMonth(meterPeriod(new Date("2026-10-31T23:30:00Z"), "Europe/London").resetsAt)).toBe("1 November");
    expect(formatDayMonth(meterPeriod(new Date("2026-03-31T22:59:59Z"), "Europe/London").resetsAt)).toBe("1 April");
    // 23:00 UTC on 31 March is midnight in London (summer time): April has begun.
    expect(meterPeriod(new Date("2026-03-31T23:00:00Z"), "Europe/London").period).toBe("2026-04");
  });
});
