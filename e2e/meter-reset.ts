// When the monthly free articles come back, worked out independently of the
// app: the first day of next month in the publication's time zone (UTC unless
// PUBLICATION_TIMEZONE says otherwise), written the way the site writes dates.
import { TZDate } from "@date-fns/tz";

const timeZone = () => process.env.PUBLICATION_TIMEZONE || "UTC";

/** The instant next month starts in the publication's time zone. */
export function nextMeterReset(now = new Date()): Date {
  const local = new TZDate(now.getTime(), timeZone());
  return new Date(new TZDate(local.getFullYear(), local.getMonth() + 1, 1, timeZone()).getTime());
}

/** "1 December 2026". */
export function inWords(date: Date): string {
  const parts = { day: "numeric", month: "long", year: "numeric", timeZone: timeZone() } as const;
  return new Intl.DateTimeFormat("en-GB", parts).format(date);
}
