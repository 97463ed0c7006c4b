// The meter's month: the calendar month in the publication's time zone. A
// reader in Tokyo and one in New York share the publication's midnight.
import { calendarDayOf, firstOfNextMonth, startOfDay } from "@/lib/calendar/calendar-day";

export type MeterPeriod = {
  /** "2026-11": the key unlocks are counted under. */
  period: string;
  /** The instant the next month starts, when the free articles come back. */
  resetsAt: Date;
};

export function meterPeriod(now: Date, timeZone: string): MeterPeriod {
  const today = calendarDayOf(now, timeZone);
  return { period: today.slice(0, 7), resetsAt: startOfDay(firstOfNextMonth(today), timeZone) };
}
