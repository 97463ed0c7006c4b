// Calendar months as the publication counts them ("2026-12"), turned into
// the first and last calendar day of each (lib/calendar/calendar-day.ts).
import { addDays, firstOfNextMonth, type CalendarDay } from "@/lib/calendar/calendar-day";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export type CalendarMonth = { month: string; start: CalendarDay; end: CalendarDay };

/** Every month from `fromMonth` to `toMonth`, both included; none when `toMonth` comes first. */
export function calendarMonths(fromMonth: string, toMonth: string): CalendarMonth[] {
  for (const month of [fromMonth, toMonth]) {
    if (!MONTH.test(month)) throw new Error(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  }
  const months: CalendarMonth[] = [];
  for (let start = `${fromMonth}-01`; start.slice(0, 7) <= toMonth; start = firstOfNextMonth(start)) {
    const next = firstOfNextMonth(start);
    months.push({ month: start.slice(0, 7), start, end: addDays(next, -1) });
  }
  return months;
}
