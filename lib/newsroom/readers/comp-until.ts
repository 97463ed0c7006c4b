// The moment complimentary All-Access ends, from the date an admin picks: it
// lasts to the end of that day in the publication's time zone, so "until 31
// December" means what it says wherever the admin sits.
import { TZDate } from "@date-fns/tz";
import { addDays, calendarDayOf, parseCalendarDay, startOfDay } from "@/lib/calendar/calendar-day";

const MAX_YEARS = 10;

export type CompUntil = { ok: true; until: Date } | { ok: false; message: string };

/** Today's date (YYYY-MM-DD) in `timeZone`, for the form's minimum. */
export function todayIn(timeZone: string, now = new Date()): string {
  return calendarDayOf(now, timeZone);
}

export function compUntilFromDate(day: unknown, timeZone: string, now = new Date()): CompUntil {
  if (typeof day !== "string" || !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(day))
    return { ok: false, message: "Give the last day of comp access as a date (YYYY-MM-DD)." };
  const lastDay = parseCalendarDay(day);
  if (!lastDay) return { ok: false, message: `${day} is not a date.` };
  const until = startOfDay(addDays(lastDay, 1), timeZone);
  if (until.getTime() <= now.getTime()) {
    return { ok: false, message: `The date must be in the future: today (${todayIn(timeZone, now)}) or later.` };
  }
  const limit = new TZDate(now.getTime(), timeZone);
  limit.setFullYear(limit.getFullYear() + MAX_YEARS);
  if (until.getTime() > limit.getTime())
    return { ok: false, message: `Comp access can be granted for at most ${MAX_YEARS} years.` };
  return { ok: true, until };
}
