// Which issue of a newsletter is next, and where its window starts: the
// schedule (issue-schedule.ts) asked against the issues already sent.
import { calendarDayOf } from "@/lib/calendar/calendar-day";
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import type { NewsletterKey } from "./newsletter-catalog";
import { candidateIssueDates, issueWindow, scheduleFrom, type IssueDate, type Window } from "./issue-schedule";

type Reader = Pick<Prisma.TransactionClient, "newsletterIssue">;

/** Issues that are done with: being sent, sent, or found empty. */
const SETTLED = ["sending", "sent", "empty"] as const;

export function dateColumn(date: IssueDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function issueDateOf(column: Date): IssueDate {
  return column.toISOString().slice(0, 10);
}

/** The first issue the schedule has yet to send (due now, or the coming one). */
export async function nextIssueDate(newsletter: NewsletterKey, now: Date, reader: Reader = db()): Promise<IssueDate> {
  const candidates = candidateIssueDates(newsletter, scheduleFrom(env()), now, 12);
  const settled = await reader.newsletterIssue.findMany({
    where: { newsletter, issueDate: { in: candidates.map(dateColumn) }, status: { in: [...SETTLED] } },
    select: { issueDate: true },
  });
  const taken = new Set(settled.map((issue) => issueDateOf(issue.issueDate)));
  const next = candidates.find((date) => !taken.has(date));
  if (!next) throw new Error(`no free issue date for ${newsletter} among ${candidates.join(", ")}`);
  return next;
}

/** The window of the issue of `date` assembled at `now` (see issueWindow). */
export async function windowOf(
  newsletter: NewsletterKey,
  date: IssueDate,
  now: Date,
  reader: Reader = db(),
): Promise<Window> {
  const previous = await reader.newsletterIssue.findFirst({
    where: { newsletter, issueDate: { lt: dateColumn(date) }, status: { in: [...SETTLED] }, windowEnd: { not: null } },
    orderBy: { issueDate: "desc" },
    select: { windowEnd: true },
  });
  return issueWindow(newsletter, date, scheduleFrom(env()), now, previous?.windowEnd ?? null);
}

/**
 * The date an issue goes out under when it is sent at `now`. An issue is
 * dated the day readers receive it: the next issue sent early ("send now"
 * on Saturday for Monday's Daily Review) is dated today, and the scheduled
 * issue of its own day then covers what is published after it (issueWindow
 * continues from where it ended). The date names the issue (one per
 * newsletter a day), so a second early send on a day whose issue has gone
 * out keeps its scheduled date, as before, and goes out instead of it.
 */
export type SendDate = { kind: "own-day" | "today"; date: IssueDate };

export async function sendDateOf(
  newsletter: NewsletterKey,
  issueDate: IssueDate,
  now: Date,
  reader: Reader = db(),
): Promise<SendDate> {
  const today = calendarDayOf(now, env().PUBLICATION_TIMEZONE);
  if (today >= issueDate) return { kind: "own-day", date: issueDate };
  const taken = await reader.newsletterIssue.findFirst({
    where: { newsletter, issueDate: dateColumn(today), status: { in: [...SETTLED] } },
    select: { id: true },
  });
  return taken ? { kind: "own-day", date: issueDate } : { kind: "today", date: today };
}
