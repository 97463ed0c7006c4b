import { describe, expect, it } from "vitest";
import { parsePublicationTime, toLocalInput } from "./publication-time";

describe("parsePublicationTime", () => {
  it.each([
    ["a wall-clock time in UTC", "2026-12-01T09:30", "UTC", "2026-12-01T09:30:00.000Z"],
    ["a wall-clock time in Berlin in winter", "2026-12-01T09:30", "Europe/Berlin", "2026-12-01T08:30:00.000Z"],
    ["a wall-clock time in Berlin in summer", "2026-07-01T09:30", "Europe/Berlin", "2026-07-01T07:30:00.000Z"],
    ["a wall-clock time in New York", "2026-12-01T09:30", "America/New_York", "2026-12-01T14:30:00.000Z"],
    [
      "an instant with its offset, whatever the zone",
      "2026-12-01T09:30:00+01:00",
      "Asia/Tokyo",
      "2026-12-01T08:30:00.000Z",
    ],
    ["an instant in UTC", "2026-12-01T09:30:15.250Z", "Europe/Berlin", "2026-12-01T09:30:15.250Z"],
  ])("reads %s", (_label, value, zone, expected) => {
    const parsed = parsePublicationTime(value, zone);
    expect(parsed.ok && parsed.at.toISOString()).toBe(expected);
  });

  it.each([
    ["nothing", ""],
    ["not a string", 42],
    ["a date without a time", "2026-12-01"],
    ["words", "tomorrow at nine"],
    ["a day that does not exist", "2026-04-31T10:00"],
    ["an hour skipped when clocks go forward", "2026-03-29T02:30"],
  ])("refuses %s with a message", (_label, value) => {
    const parsed = parsePublicationTime(value, "Europe/Berlin");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
  });
});

describe("toLocalInput", () => {
  it("shows an instant as the publication's wall clock, and reads back to it", () => {
    const at = new Date("2026-07-01T07:30:00Z");
    expect(toLocalInput(at, "Europe/Berlin")).toBe("2026-07-01T09:30");
    const back = parsePublicationTime(toLocalInput(at, "America/New_York"), "America/New_York");
    expect(back.ok && back.at.getTime()).toBe(at.getTime());
  });
});
