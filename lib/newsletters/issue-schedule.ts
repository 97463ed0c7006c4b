// When each newsletter goes out and which articles an issue covers. Pure:
// dates in, dates out, in the publication's time zone.
//
// An issue is named by its issue date, the calendar day (publication time
// zone) the schedule sends it. Its nominal window is the whole calendar days
// from the previous issue date up to its own: Tuesday's Daily Review covers
// Monday, Monday's covers Friday and the weekend; a weekly issue covers the
// seven days before its day. Windows meet end to end, so every article is in
// exactly one. When an issue was sent early ("send now" while its window was
// still open), the next one starts where that one ended.
import {
  addDays,
  calendarDayOf,
  instantOn,
  startOfDay,
  weekdayIndex,
  type CalendarDay,
} from "@/lib/calendar/calendar-day";
import { WEEKDAYS, type Env, type Weekday } from "@/lib/config/env";
import type { NewsletterKey } from "./newsletter-catalog";

/** A calendar day, "2026-12-01" (lib/calendar). */
export type IssueDate = CalendarDay;

export type Schedule = {
  timeZone: string;
  dailyTime: string;
  weekly: { day: Weekday; time: string };
  free: { day: Weekday; time: string };
};

export type Window = { start: Date; end: Date };

/** A send that is this late is skipped: the next issue covers its articles. */
export const CATCH_UP_MS = 12 * 60 * 60 * 1000;
/** The next window continues from a previous issue that ended this recently. */
const CONTINUE_WITHIN_MS = 8 * 24 * 60 * 60 * 1000;

export function scheduleFrom(settings: Env): Schedule {
  return {
    timeZone: settings.PUBLICATION_TIMEZONE,
    dailyTime: settings.DAILY_REVIEW_TIME,
    weekly: { day: settings.WEEKLY_REVIEW_DAY, time: settings.WEEKLY_REVIEW_TIME },
    free: { day: settings.FREE_NEWSLETTER_DAY, time: settings.FREE_NEWSLETTER_TIME },
  };
}

export function weekdayOf(date: IssueDate): Weekday {
  return WEEKDAYS[weekdayIndex(date)]!;
}

export function sendsOn(newsletter: NewsletterKey, date: IssueDate, schedule: Schedule): boolean {
  switch (newsletter) {
    case "daily_review":
      return weekdayIndex(date) < 5;
    case "weekly_review":
      return weekdayOf(date) === schedule.weekly.day;
    case "free":
      return weekdayOf(date) === schedule.free.day;
  }
}

export function sendTime(newsletter: NewsletterKey, schedule: Schedule): string {
  if (newsletter === "daily_review") return schedule.dailyTime;
  return newsletter === "weekly_review" ? schedule.weekly.time : schedule.free.time;
}

/** When the schedule sends the issue of `date`. */
export function sendMoment(newsletter: NewsletterKey, date: IssueDate, schedule: Schedule): Date {
  return instantOn(date, sendTime(newsletter, schedule), schedule.timeZone);
}

/** The issue date before `date` (a send day or not). */
export function previousIssueDate(newsletter: NewsletterKey, date: IssueDate, schedule: Schedule): IssueDate {
  let candidate = addDays(date, -1);
  while (!sendsOn(newsletter, candidate, schedule)) candidate = addDays(candidate, -1);
  return candidate;
}

/** The first issue date on or after `date`. */
export function issueDateOnOrAfter(newsletter: NewsletterKey, date: IssueDate, schedule: Schedule): IssueDate {
  let candidate = date;
  while (!sendsOn(newsletter, candidate, schedule)) candidate = addDays(candidate, 1);
  return candidate;
}

/** Whole calendar days from the previous issue date up to (not including) this one. */
export function nominalWindow(newsletter: NewsletterKey, date: IssueDate, schedule: Schedule): Window {
  const previous = previousIssueDate(newsletter, date, schedule);
  return {
    start: startOfDay(previous, schedule.timeZone),
    end: startOfDay(date, schedule.timeZone),
  };
}

/**
 * The articles the issue of `date` covers when it is assembled at `now`:
 * its nominal window, starting instead where the previous issue ended when
 * that one ended recently (it was sent early, or the schedule moved), and
 * ending at `now` while the window is still open (a preview, or "send now").
 */
export function issueWindow(
  newsletter: NewsletterKey,
  date: IssueDate,
  schedule: Schedule,
  now: Date,
  previousEnd: Date | null,
): Window {
  const nominal = nominalWindow(newsletter, date, schedule);
  const continues = previousEnd !== null && previousEnd.getTime() >= nominal.start.getTime() - CONTINUE_WITHIN_MS;
  const start = continues ? previousEnd : nominal.start;
  const end = new Date(Math.min(nominal.end.getTime(), now.getTime()));
  return { start, end: end.getTime() < start.getTime() ? start : end };
}

/**
 * The issue dates to consider at `now`, in order: the one whose send time
 * passed less than CATCH_UP_MS ago (it is due, unless already sent), then
 * the coming ones. The caller takes the first one not yet sent.
 */
export function candidateIssueDates(newsletter: NewsletterKey, schedule: Schedule, now: Date, count = 8): IssueDate[] {
  const today = calendarDayOf(now, schedule.timeZone);
  const dates: IssueDate[] = [];
  // A due issue: today's or, past midnight, yesterday's (a late send time).
  for (const date of [addDays(today, -1), today]) {
    if (!sendsOn(newsletter, date, schedule)) continue;
    const moment = sendMoment(newsletter, date, schedule).getTime();
    if (moment <= now.getTime() && now.getTime() - moment < CATCH_UP_MS) dates.push(date);
  }
  let next = today;
  while (dates.length < count) {
    next = issueDateOnOrAfter(newsletter, next, schedule);
    if (sendMoment(newsletter, next, schedule).getTime() > now.getTime()) dates.push(next);
    next = addDays(next, 1);
  }
  return dates;
}

/** The issue the schedule should be sending at `now`, if any. */
export function dueIssueDate(newsletter: NewsletterKey, schedule: Schedule, now: Date): IssueDate | null {
  const [first] = candidateIssueDates(newsletter, schedule, now, 1);
  return first !== undefined && sendMoment(newsletter, first, schedule).getTime() <= now.getTime() ? first : null;
}
