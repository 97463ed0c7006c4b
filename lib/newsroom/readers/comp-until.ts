// The moment complimentary All-Access ends, from the date an admin picks: it
// lasts to the end of that day in the publication's time zone, so "until 31
// December" means what it says wherever the admin sits.
import { TZDate } from "@date-fns/tz";

const MAX_YEARS = 10;

export type CompUntil = { ok: true; until: Date } | { ok: false; message: string };

/** Today's date (YYYY-MM-DD) in `timeZone`, for the form's minimum. */
export function todayIn(timeZone: string, now = new Date()): string {
  const local = new TZDate(now.getTime(), timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

export function compUntilFromDate(day: unknown, timeZone: string, now = new Date()): CompUntil {
  const match = typeof day === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim()) : null;
  if (!match) return { ok: false, message: "Give the last day of comp access as a date (YYYY-MM-DD)." };
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new TZDate(year, month - 1, date, 0, 0, 0, 0, timeZone);
  // TZDate rolls 31 February over into March: such a day does not exist.
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) {
    return { ok: false, message: `${day as string} is not a date.` };
  }
  const until = new Date(new TZDate(year, month - 1, date + 1, 0, 0, 0, 0, timeZone).getTime());
  if (until.getTime() <= now.getTime()) {
    return { ok: false, message: `The date must be in the future: today (${todayIn(timeZone, now)}) or later.` };
  }
  const limit = new TZDate(now.getTime(), timeZone);
  limit.setFullYear(limit.getFullYear() + MAX_YEARS);
  if (until.getTime() > limit.getTime())
    return { ok: false, message: `Comp access can be granted for at most ${MAX_YEARS} years.` };
  return { ok: true, until };
}
