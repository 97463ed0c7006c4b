import { describe, expect, it } from "vitest";
import { calendarMonths } from "./calendar-months";

describe("calendarMonths", () => {
  it("lists each month with its first and last day, over a year's end and a leap February", () => {
    expect(calendarMonths("2023-12", "2024-02")).toEqual([
      { month: "2023-12", start: "2023-12-01", end: "2023-12-31" },
      { month: "2024-01", start: "2024-01-01", end: "2024-01-31" },
      { month: "2024-02", start: "2024-02-01", end: "2024-02-29" },
    ]);
  });

  it("gives one month when both ends are the same, none when they are the wrong way round", () => {
    expect(calendarMonths("2021-04", "2021-04")).toEqual([
      { month: "2021-04", start: "2021-04-01", end: "2021-04-30" },
    ]);
    expect(calendarMonths("2021-05", "2021-04")).toEqual([]);
  });

  it.each(["2021-13", "2021-1", "21-01", "2021-01-01", ""])("refuses %j", (month) => {
    expect(() => calendarMonths(month, "2021-12")).toThrow("not a month");
  });
});
