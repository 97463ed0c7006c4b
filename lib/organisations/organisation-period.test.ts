// An organisation's period around midnight and on the days the clocks change:
// access ends at the end of the last day in the publication's time zone.
import { describe, expect, it } from "vitest";
import { daysOfPeriod, periodOfDays, periodState } from "./organisation-period";

describe("periodOfDays", () => {
  it.each([
    ["UTC", "2027-01-01", "2027-12-31", "2027-01-01T00:00:00.000Z", "2028-01-01T00:00:00.000Z"],
    ["Europe/Paris", "2027-01-01", "2027-12-31", "2026-12-31T23:00:00.000Z", "2027-12-31T23:00:00.000Z"],
    // The last day is the one the clocks go forward (23 hours long): it ends at 23:00 UTC.
    ["Europe/London", "2027-03-01", "2027-03-28", "2027-03-01T00:00:00.000Z", "2027-03-28T23:00:00.000Z"],
    ["Pacific/Auckland", "2027-06-01", "2027-06-30", "2027-05-31T12:00:00.000Z", "2027-06-30T12:00:00.000Z"],
  ])("in %s, %s to %s runs from %s to %s", (zone, first, last, startsAt, endsAt) => {
    const period = periodOfDays(first, last, zone);
    expect(period.startsAt.toISOString()).toBe(startsAt);
    expect(period.endsAt.toISOString()).toBe(endsAt);
    expect(daysOfPeriod(period, zone)).toEqual({ firstDay: first, lastDay: last });
  });

  it("is active from the first instant of the first day to the last instant of the last", () => {
    const period = periodOfDays("2027-01-01", "2027-01-31", "Europe/Paris");
    const at = (iso: string) => periodState(period, new Date(iso));
    expect(at("2026-12-31T22:59:59.999Z")).toBe("upcoming");
    expect(at("2026-12-31T23:00:00.000Z")).toBe("active");
    expect(at("2027-01-31T22:59:59.999Z")).toBe("active");
    expect(at("2027-01-31T23:00:00.000Z")).toBe("ended");
  });
});
