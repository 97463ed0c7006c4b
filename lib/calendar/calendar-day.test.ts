import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarDayOf,
  firstOfNextMonth,
  instantOn,
  parseCalendarDay,
  startOfDay,
  weekdayIndex,
} from "./calendar-day";

const iso = (date: Date) => date.toISOString();
const HOUR = 60 * 60 * 1000;

describe("the day an instant falls on", () => {
  it("changes at midnight in the time zone, not in UTC", () => {
    // London in winter is UTC; New York is five hours behind, Tokyo nine ahead.
    expect(calendarDayOf(new Date("2026-12-31T23:59:59.999Z"), "Europe/London")).toBe("2026-12-31");
    expect(calendarDayOf(new Date("2027-01-01T00:00:00.000Z"), "Europe/London")).toBe("2027-01-01");
    expect(calendarDayOf(new Date("2027-01-01T04:59:59.999Z"), "America/New_York")).toBe("2026-12-31");
    expect(calendarDayOf(new Date("2027-01-01T05:00:00.000Z"), "America/New_York")).toBe("2027-01-01");
    expect(calendarDayOf(new Date("2026-12-31T14:59:59.999Z"), "Asia/Tokyo")).toBe("2026-12-31");
    expect(calendarDayOf(new Date("2026-12-31T15:00:00.000Z"), "Asia/Tokyo")).toBe("2027-01-01");
  });

  it("follows summer time: London's midnight is 23:00 UTC from the last Sunday of March", () => {
    expect(calendarDayOf(new Date("2026-07-14T22:59:59.999Z"), "Europe/London")).toBe("2026-07-14");
    expect(calendarDayOf(new Date("2026-07-14T23:00:00.000Z"), "Europe/London")).toBe("2026-07-15");
  });
});

describe("the midnight a day starts at", () => {
  it("is the local midnight, whose UTC hour moves with summer time", () => {
    expect(iso(startOfDay("2026-01-15", "Europe/London"))).toBe("2026-01-15T00:00:00.000Z");
    expect(iso(startOfDay("2026-07-15", "Europe/London"))).toBe("2026-07-14T23:00:00.000Z");
    expect(iso(startOfDay("2026-07-15", "America/New_York"))).toBe("2026-07-15T04:00:00.000Z");
  });

  it("makes the days the clocks change 23 and 25 hours long", () => {
    // Europe/London: forward at 01:00 on 29 March 2026, back at 02:00 on 25 October 2026.
    const spring =
      startOfDay("2026-03-30", "Europe/London").getTime() - startOfDay("2026-03-29", "Europe/London").getTime();
    const autumn =
      startOfDay("2026-10-26", "Europe/London").getTime() - startOfDay("2026-10-25", "Europe/London").getTime();
    expect(spring).toBe(23 * HOUR);
    expect(autumn).toBe(25 * HOUR);
    // America/New_York: forward at 02:00 on 8 March 2026, back at 02:00 on 1 November 2026.
    const newYork =
      startOfDay("2026-11-02", "America/New_York").getTime() - startOfDay("2026-11-01", "America/New_York").getTime();
    expect(newYork).toBe(25 * HOUR);
  });

  it("round-trips: the day that starts at a midnight is that day, on either side of a change", () => {
    for (const day of ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"]) {
      for (const zone of ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Tokyo"]) {
        const midnight = startOfDay(day, zone);
        expect(calendarDayOf(midnight, zone)).toBe(day);
        expect(calendarDayOf(new Date(midnight.getTime() - 1), zone)).toBe(addDays(day, -1));
      }
    }
  });
});

describe("a wall-clock time on a day", () => {
  it("is the same local hour on each side of a change", () => {
    expect(iso(instantOn("2026-03-28", "07:00", "Europe/London"))).toBe("2026-03-28T07:00:00.000Z");
    expect(iso(instantOn("2026-03-29", "07:00", "Europe/London"))).toBe("2026-03-29T06:00:00.000Z");
    expect(iso(instantOn("2026-10-25", "07:00", "Europe/London"))).toBe("2026-10-25T07:00:00.000Z");
  });

  it("moves a time the clocks skip an hour later, and takes the second of a time they pass twice", () => {
    expect(iso(instantOn("2026-03-29", "01:30", "Europe/London"))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(instantOn("2026-10-25", "01:30", "Europe/London"))).toBe("2026-10-25T01:30:00.000Z");
  });
});

describe("calendar arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
  });

  it("knows the weekday (Monday 0) and the next month", () => {
    expect(weekdayIndex("2026-12-07")).toBe(0);
    expect(weekdayIndex("2026-12-13")).toBe(6);
    expect(firstOfNextMonth("2026-12-31")).toBe("2027-01-01");
    expect(firstOfNextMonth("2026-02-01")).toBe("2026-03-01");
  });

  it("reads only days that exist", () => {
    expect(parseCalendarDay(" 2026-02-28 ")).toBe("2026-02-28");
    expect(parseCalendarDay("2028-02-29")).toBe("2028-02-29");
    for (const text of [
      "2026-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "tomorrow",
      "",
      20261201,
      null,
    ]) {
      expect(parseCalendarDay(text)).toBeNull();
    }
  });
});
