// The one rule for dates: a date the publication shows or counts by (an
// issue's day, the meter's month, the last day of a grant, a search filter)
// is a calendar day in the publication's time zone, and the instant it
// starts is that day's midnight there. Every module that turns instants into
// days or days into instants does it here, so that a page, an email and the
// database agree around midnight and on the days the clocks change.
//
// Pure: the time zone is an argument (callers pass PUBLICATION_TIMEZONE).
import { TZDate } from "@date-fns/tz";

/** A calendar day, "2026-12-01". */
export type CalendarDay = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Calendar arithmetic on "YYYY-MM-DD" is done in UTC, where days have no gaps.
function utcNoon(day: CalendarDay): Date {
  return new Date(`${day}T12:00:00Z`);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** A written day ("2026-12-01", surrounding spaces allowed) if it exists on the calendar; null otherwise. */
export function parseCalendarDay(text: unknown): CalendarDay | null {
  const match = typeof text === "string" ? DAY.exec(text.trim()) : null;
  if (!match) return null;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = utcNoon(day);
  // Date rolls 31 February over into March: such a day does not exist.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

/** The calendar day `instant` falls on in `timeZone`. */
export function calendarDayOf(instant: Date, timeZone: string): CalendarDay {
  const local = new TZDate(instant.getTime(), timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const moved = utcNoon(day);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Monday is 0, Sunday 6. */
export function weekdayIndex(day: CalendarDay): number {
  return (utcNoon(day).getUTCDay() + 6) % 7;
}

/**
 * The instant of the wall-clock `time` ("07:00") on `day` in `timeZone`. A
 * time the clocks skip (01:30 when they go forward at 01:00) is the instant
 * an hour later; a time they pass twice is its second passing, after the
 * clocks went back.
 */
export function instantOn(day: CalendarDay, time: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, 0, 0, timeZone).getTime());
}

/** The midnight `day` starts at in `timeZone` (a day is 23 or 25 hours long when the clocks change). */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  return instantOn(day, "00:00", timeZone);
}

/** The first day of the month after the one `day` is in. */
export function firstOfNextMonth(day: CalendarDay): CalendarDay {
  const [year, month] = day.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
}
