import { describe, expect, it } from "vitest";
import { compUntilFromDate, todayIn } from "./comp-until";

const now = new Date("2026-11-29T10:00:00Z");

describe("compUntilFromDate", () => {
  it("ends at midnight after the chosen day, in the publication's time zone", () => {
    expect(compUntilFromDate("2026-12-31", "UTC", now)).toEqual({ ok: true, until: new Date("2027-01-01T00:00:00Z") });
    expect(compUntilFromDate("2026-12-31", "America/New_York", now)).toEqual({
      ok: true,
      until: new Date("2027-01-01T05:00:00Z"),
    });
    expect(compUntilFromDate("2026-12-31", "Asia/Tokyo", now)).toEqual({
      ok: true,
      until: new Date("2026-12-31T15:00:00Z"),
    });
  });

  it("accepts today (the rest of it), and refuses yesterday", () => {
    expect(compUntilFromDate("2026-11-29", "UTC", now)).toEqual({ ok: true, until: new Date("2026-11-30T00:00:00Z") });
    expect(compUntilFromDate("2026-11-28", "UTC", now)).toEqual({
      ok: false,
      message: expect.stringContaining("in the future"),
    });
    // In Tokyo it is already the evening of the 29th; the 28th is over there too.
    expect(compUntilFromDate("2026-11-28", "Asia/Tokyo", now)).toMatchObject({ ok: false });
    // 10:00 UTC is 14:00 on the 29th in Dubai, and still the 29th in Honolulu (00:00).
    expect(compUntilFromDate("2026-11-29", "Pacific/Honolulu", now)).toMatchObject({ ok: true });
  });

  it("refuses what is not a date, and more than ten years ahead", () => {
    for (const day of [
      "",
      "tomorrow",
      "2026-02-30",
      "2027-13-01",
      "2027-1-5",
      "31/12/2026",
      20261231,
      null,
      undefined,
    ]) {
      expect(compUntilFromDate(day, "UTC", now), String(day)).toMatchObject({ ok: false, message: expect.any(String) });
    }
    expect(compUntilFromDate("2036-11-28", "UTC", now)).toMatchObject({ ok: true });
    expect(compUntilFromDate("2036-11-30", "UTC", now)).toMatchObject({
      ok: false,
      message: expect.stringContaining("10 years"),
    });
  });
});

describe("todayIn", () => {
  it("is the calendar day in that zone", () => {
    expect(todayIn("UTC", now)).toBe("2026-11-29");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-11-29T23:00:00Z"))).toBe("2026-11-30");
  });
});
