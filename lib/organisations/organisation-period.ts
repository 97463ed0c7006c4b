// An organisation's period as the admin gives it, a first and a last day,
// and as it is stored and decided on: the instant its first day starts and
// the instant after its last day ends, both in the publication's time zone
// (lib/calendar/calendar-day.ts). Access ends at the midnight that ends the
// last day there, whatever the time zone of the admin or the reader.
import { addDays, calendarDayOf, startOfDay, type CalendarDay } from "@/lib/calendar/calendar-day";

export type OrganisationPeriod = { startsAt: Date; endsAt: Date };

export function periodOfDays(firstDay: CalendarDay, lastDay: CalendarDay, timeZone: string): OrganisationPeriod {
  return { startsAt: startOfDay(firstDay, timeZone), endsAt: startOfDay(addDays(lastDay, 1), timeZone) };
}

/** The first and last day of a stored period, as the form shows them. */
export function daysOfPeriod(
  period: OrganisationPeriod,
  timeZone: string,
): { firstDay: CalendarDay; lastDay: CalendarDay } {
  return {
    firstDay: calendarDayOf(period.startsAt, timeZone),
    lastDay: calendarDayOf(new Date(period.endsAt.getTime() - 1), timeZone),
  };
}

export type PeriodState = "upcoming" | "active" | "ended";

export function periodState(period: OrganisationPeriod, now: Date): PeriodState {
  if (now.getTime() < period.startsAt.getTime()) return "upcoming";
  return now.getTime() < period.endsAt.getTime() ? "active" : "ended";
}
