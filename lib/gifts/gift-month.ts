// The month GIFTS_PER_MONTH counts in: the calendar month in the
// publication's time zone, the same month as the free-article meter's.
import { meterPeriod } from "@/lib/access/meter-period";
import { startOfDay } from "@/lib/calendar/calendar-day";
import { env } from "@/lib/config/env";

/** When the month `now` is in began, and when the next begins (the gifts come back). */
export function giftMonth(now: Date): { since: Date; resetsAt: Date } {
  const timeZone = env().PUBLICATION_TIMEZONE;
  const { period, resetsAt } = meterPeriod(now, timeZone);
  return { since: startOfDay(`${period}-01`, timeZone), resetsAt };
}
