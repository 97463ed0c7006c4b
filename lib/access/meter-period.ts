// The meter's month: the calendar month in the publication's time zone. A
// reader in Tokyo and one in New York share the publication's midnight.
import { TZDate } from "@date-fns/tz";

export type MeterPeriod = {
  /** "2026-11": the key unlocks are counted under. */
  period: string;
  /** The instant the next month starts, when the free articles come back. */
  resetsAt: Date;
};

export function meterPeriod(now: Date, timeZone: string): MeterPeriod {
  const local = new TZDate(now.getTime(), timeZone);
  const year = local.getFullYear();
  const month = local.getMonth();
  const next = new TZDate(year, month + 1, 1, 0, 0, 0, 0, timeZone);
  return {
    period: `${year}-${String(month + 1).padStart(2, "0")}`,
    resetsAt: new Date(next.getTime()),
  };
}
