// The dates pages and emails print follow the rule in lib/calendar: a day in
// the publication's time zone, around midnight and when the clocks change.
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate, formatDayMonth } from "./format";

beforeAll(() => {
  process.env.PUBLICATION_TIMEZONE = "Europe/London";
});

describe("a date on a page", () => {
  it("is the publication's day: 23:00 UTC in July is already the next day in London", () => {
    expect(formatDate(new Date("2026-07-14T22:59:59Z"))).toBe("14 July 2026");
    expect(formatDate(new Date("2026-07-14T23:00:00Z"))).toBe("15 July 2026");
    expect(formatDate(new Date("2026-12-14T23:30:00Z"))).toBe("14 December 2026");
    expect(formatDayMonth(new Date("2026-03-31T23:00:00Z"))).toBe("1 April");
  });
});
