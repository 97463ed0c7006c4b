import { describe, expect, it } from "vitest";
import { calendarDayOf } from "@/lib/calendar/calendar-day";
import {
  candidateIssueDates,
  dueIssueDate,
  issueWindow,
  nominalWindow,
  sendMoment,
  sendsOn,
  type Schedule,
} from "./issue-schedule";

function schedule(timeZone: string, overrides: Partial<Schedule> = {}): Schedule {
  return {
    timeZone,
    dailyTime: "07:00",
    weekly: { day: "saturday", time: "08:00" },
    free: { day: "thursday", time: "09:00" },
    ...overrides,
  };
}

const utc = schedule("UTC");
const iso = (date: Date) => date.toISOString();

// December 2026: Monday the 7th to Sunday the 13th.
describe("the Daily Review's window", () => {
  it("is the previous weekday: Tuesday's issue covers Monday", () => {
    const window = nominalWindow("daily_review", "2026-12-08", utc);
    expect(iso(window.start)).toBe("2026-12-07T00:00:00.000Z");
    expect(iso(window.end)).toBe("2026-12-08T00:00:00.000Z");
  });

  it("reaches back over the weekend: Monday's issue covers Friday, Saturday and Sunday", () => {
    const window = nominalWindow("daily_review", "2026-12-14", utc);
    expect(iso(window.start)).toBe("2026-12-11T00:00:00.000Z");
    expect(iso(window.end)).toBe("2026-12-14T00:00:00.000Z");
  });

  it("goes out on weekdays only", () => {
    const days = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"];
    expect(days.map((day) => sendsOn("daily_review", day, utc))).toEqual([true, true, true, true, true, false, false]);
  });

  it("on a Saturday, the next issue is Monday's", () => {
    const saturdayNoon = new Date("2026-12-12T12:00:00Z");
    expect(candidateIssueDates("daily_review", utc, saturdayNoon, 2)).toEqual(["2026-12-14", "2026-12-15"]);
    expect(dueIssueDate("daily_review", utc, saturdayNoon)).toBeNull();
  });

  it("is due from its send time, for twelve hours, then the next one is next", () => {
    expect(candidateIssueDates("daily_review", utc, new Date("2026-12-08T06:59:00Z"), 1)).toEqual(["2026-12-08"]);
    expect(dueIssueDate("daily_review", utc, new Date("2026-12-08T06:59:00Z"))).toBeNull();
    expect(dueIssueDate("daily_review", utc, new Date("2026-12-08T07:00:00Z"))).toBe("2026-12-08");
    expect(dueIssueDate("daily_review", utc, new Date("2026-12-08T18:59:00Z"))).toBe("2026-12-08");
    expect(dueIssueDate("daily_review", utc, new Date("2026-12-08T19:00:00Z"))).toBeNull();
    expect(candidateIssueDates("daily_review", utc, new Date("2026-12-08T19:00:00Z"), 1)).toEqual(["2026-12-09"]);
  });
});

describe("windows in the publication's time zone", () => {
  it("start and end at midnight in Tokyo, which is the previous evening in UTC", () => {
    const tokyo = schedule("Asia/Tokyo");
    const window = nominalWindow("daily_review", "2026-12-08", tokyo);
    expect(iso(window.start)).toBe("2026-12-06T15:00:00.000Z");
    expect(iso(window.end)).toBe("2026-12-07T15:00:00.000Z");
    expect(iso(sendMoment("daily_review", "2026-12-08", tokyo))).toBe("2026-12-07T22:00:00.000Z");
  });

  it("put the weekend where it is locally: Friday 23:00 UTC is Saturday in Tokyo, Friday in New York", () => {
    const instant = new Date("2026-12-11T23:00:00Z");
    expect(calendarDayOf(instant, "UTC")).toBe("2026-12-11");
    expect(calendarDayOf(instant, "Asia/Tokyo")).toBe("2026-12-12");
    expect(calendarDayOf(instant, "America/New_York")).toBe("2026-12-11");
    // Tokyo: Saturday morning, nothing due, Monday's issue is next.
    expect(dueIssueDate("daily_review", schedule("Asia/Tokyo"), instant)).toBeNull();
    expect(candidateIssueDates("daily_review", schedule("Asia/Tokyo"), instant, 1)).toEqual(["2026-12-14"]);
    // New York: Friday 18:00, eleven hours after Friday's send time.
    expect(dueIssueDate("daily_review", schedule("America/New_York"), instant)).toBe("2026-12-11");
  });

  it("Monday's issue in New York covers the weekend up to local midnight", () => {
    const newYork = schedule("America/New_York");
    const window = nominalWindow("daily_review", "2026-12-14", newYork);
    expect(iso(window.start)).toBe("2026-12-11T05:00:00.000Z");
    expect(iso(window.end)).toBe("2026-12-14T05:00:00.000Z");
  });

  it("a weekly window across the end of summer time is seven local days, 169 hours", () => {
    const berlin = schedule("Europe/Berlin", { weekly: { day: "saturday", time: "08:00" } });
    // Summer time ends on Sunday 25 October 2026.
    const window = nominalWindow("weekly_review", "2026-10-31", berlin);
    expect(iso(window.start)).toBe("2026-10-23T22:00:00.000Z");
    expect(iso(window.end)).toBe("2026-10-30T23:00:00.000Z");
    expect((window.end.getTime() - window.start.getTime()) / 3_600_000).toBe(169);
  });
});

describe("weekly newsletters", () => {
  it("go out on their day, each covering the seven days before it", () => {
    const window = nominalWindow("free", "2026-12-10", utc);
    expect(iso(window.start)).toBe("2026-12-03T00:00:00.000Z");
    expect(iso(window.end)).toBe("2026-12-10T00:00:00.000Z");
    expect(sendsOn("free", "2026-12-10", utc)).toBe(true);
    expect(sendsOn("free", "2026-12-11", utc)).toBe(false);
    expect(candidateIssueDates("weekly_review", utc, new Date("2026-12-07T12:00:00Z"), 2)).toEqual([
      "2026-12-12",
      "2026-12-19",
    ]);
  });

  it("follow the day setting", () => {
    const mondays = schedule("UTC", { weekly: { day: "monday", time: "06:30" } });
    expect(candidateIssueDates("weekly_review", mondays, new Date("2026-12-07T06:29:00Z"), 1)).toEqual(["2026-12-07"]);
    expect(dueIssueDate("weekly_review", mondays, new Date("2026-12-07T06:30:00Z"))).toBe("2026-12-07");
  });
});

describe("the window an issue is assembled from", () => {
  it("ends now while it is still open (a preview, or send now)", () => {
    const now = new Date("2026-12-07T15:00:00Z");
    const window = issueWindow("daily_review", "2026-12-08", utc, now, null);
    expect(iso(window.start)).toBe("2026-12-07T00:00:00.000Z");
    expect(iso(window.end)).toBe(iso(now));
  });

  it("continues where an issue sent early ended, so nothing published after it is lost", () => {
    const sentEarly = new Date("2026-12-07T15:00:00Z");
    const window = issueWindow("daily_review", "2026-12-09", utc, new Date("2026-12-09T07:00:00Z"), sentEarly);
    expect(iso(window.start)).toBe(iso(sentEarly));
    expect(iso(window.end)).toBe("2026-12-09T00:00:00.000Z");
  });

  it("does not reach back to an issue sent weeks ago", () => {
    const longAgo = new Date("2026-11-02T00:00:00Z");
    const window = issueWindow("daily_review", "2026-12-09", utc, new Date("2026-12-09T07:00:00Z"), longAgo);
    expect(iso(window.start)).toBe("2026-12-08T00:00:00.000Z");
  });

  it("is closed at its nominal end when sent by the schedule", () => {
    const window = issueWindow(
      "daily_review",
      "2026-12-08",
      utc,
      new Date("2026-12-08T07:00:00Z"),
      new Date("2026-12-07T00:00:00Z"),
    );
    expect(iso(window.start)).toBe("2026-12-07T00:00:00.000Z");
    expect(iso(window.end)).toBe("2026-12-08T00:00:00.000Z");
  });
});
