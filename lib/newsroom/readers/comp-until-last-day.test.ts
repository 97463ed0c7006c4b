// The last day of a complimentary grant, as the admin types it and as every
// page prints it back (formatLastDay), on days of 23, 24 and 25 hours.
import { beforeAll, expect, it } from "vitest";
import { formatLastDay } from "@/lib/articles/format";
import { compUntilFromDate } from "./comp-until";

const ZONE = "Europe/London";
const now = new Date("2026-03-01T12:00:00Z");

beforeAll(() => {
  process.env.PUBLICATION_TIMEZONE = ZONE;
});

it.each([
  ["2026-03-28", "28 March 2026"],
  ["2026-03-29", "29 March 2026"],
  ["2026-10-25", "25 October 2026"],
  ["2026-10-26", "26 October 2026"],
  ["2026-12-31", "31 December 2026"],
  ["2027-01-04", "4 January 2027"],
])("%s reads back as %s", (day, printed) => {
  const result = compUntilFromDate(day, ZONE, now);
  if (!result.ok) throw new Error(result.message);
  expect(formatLastDay(result.until)).toBe(printed);
});
