import { describe, expect, it } from "vitest";
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
