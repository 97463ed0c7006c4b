// Starting to send an issue, by the schedule or an editor's "send now".
//
// 1. Under the issue's row lock (so the schedule and an editor pressing the
//    button at the same moment start it once), the window is closed and the
//    items frozen in their order; the issue becomes "sending".
// 2. The email is rendered once (outside any transaction: it reads article
//    text), then, again under the lock, one send-log row is written per
//    recipient and the rendering stored. A stored rendering means prepared;
//    a server that died between 1 and 2 leaves an unprepared issue, which the
//    sweep (newsletter-jobs.ts) prepares.
// 3. Durable jobs are queued, one per batch of recipients; they survive a
//    restart, and the sweep re-queues any batch that has work left.
import { recordAudit } from "@/lib/audit/audit-log";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { lockIssue } from "./draft-issue";
import { frozenIssueArticles, orderedIssueArticles, saveIssueOrder } from "./issue-articles";
import { dateColumn, issueDateOf, nextIssueDate, sendDateOf, windowOf } from "./issue-dates";
import { issueRecipients, writeSendLog } from "./issue-recipients";
import type { IssueDate } from "./issue-schedule";
import type { NewsletterKey } from "./newsletter-catalog";
import { enqueueBatches, type JobQueue } from "./newsletter-queue";
import { renderIssue } from "./render-issue";
import { finishIssueIfDone } from "./send-progress";

/** The schedule, as an actor: it may send, and the audit log names it. */
export const SCHEDULE: Actor = { id: null, label: "schedule", role: "editor" };

export type StartResult =
  | { kind: "started"; issueId: string; issueDate: IssueDate; recipients: number; batches: number }
  | { kind: "empty"; issueId: string; issueDate: IssueDate }
  | { kind: "already"; issueId: string; issueDate: IssueDate; status: string };

export async function startIssueSend(
  actor: Actor,
  newsletter: NewsletterKey,
  options: { issueDate?: IssueDate; now?: Date; queue?: JobQueue } = {},
): Promise<StartResult> {
  assertRole(actor, "editor");
  const now = options.now ?? new Date();
  const issueDate = options.issueDate ?? (await nextIssueDate(newsletter, now));
  const claimed = await db().$transaction(async (tx): Promise<StartResult> => {
    const issue = await lockIssue(tx, newsletter, issueDate);
    if (issue.status !== "draft") return { kind: "already", issueId: issue.id, issueDate, status: issue.status };
    const sendDate = await sendDateOf(newsletter, issueDate, now, tx);
    // The window is the scheduled issue's (up to now); only the date moves.
    const window = await windowOf(newsletter, issueDate, now, tx);
    const articles = await orderedIssueArticles(tx, issue.id, window, now);
    const kept = articles.filter((article) => !article.dropped);
    const closing = {
      issueDate: dateColumn(sendDate.date),
      windowStart: window.start,
      windowEnd: window.end,
      startedBy: actor.label,
      startedAt: now,
    };
    if (sendDate.kind === "today") {
      // An unsent draft of today (its day passed while the server was down)
      // gives way: this issue carries its articles.
      await tx.newsletterIssue.deleteMany({
        where: { newsletter, issueDate: dateColumn(sendDate.date), status: "draft" },
      });
    }
    if (kept.length === 0) {
      // Nothing to send: recorded, so the schedule does not ask again and
      // the next issue's window starts after this one.
      await tx.newsletterIssue.update({
        where: { id: issue.id },
        data: { ...closing, status: "empty", finishedAt: now },
      });
      return { kind: "empty", issueId: issue.id, issueDate: sendDate.date };
    }
    await saveIssueOrder(tx, issue.id, articles);
    await tx.newsletterIssue.update({ where: { id: issue.id }, data: { ...closing, status: "sending" } });
    if (actor.id !== null) {
      await recordAudit(tx, actor, {
        action: "newsletter.send",
        subject: `${newsletter} ${sendDate.date}`,
        details: { articles: kept.length },
      });
    }
    return { kind: "started", issueId: issue.id, issueDate: sendDate.date, recipients: 0, batches: 0 };
  });
  if (claimed.kind !== "started") return claimed;
  const prepared = await prepareIssue(claimed.issueId, now, options.queue);
  return { ...claimed, ...prepared };
}

/**
 * Renders an issue that is "sending" but not yet prepared, writes its send
 * log and queues its batches. Safe to run again (and concurrently): the
 * second finds the rendering stored and does nothing.
 */
export async function prepareIssue(
  issueId: string,
  now: Date,
  queue?: JobQueue,
): Promise<{ recipients: number; batches: number }> {
  const issue = await db().newsletterIssue.findUniqueOrThrow({ where: { id: issueId } });
  if (issue.status !== "sending" || issue.html !== null) return { recipients: issue.recipients, batches: 0 };
  const articles = await frozenIssueArticles(db(), issueId);
  const issueDate = issueDateOf(issue.issueDate);
  const rendered = await renderIssue({
    newsletter: issue.newsletter,
    issueDate,
    editorNote: issue.editorNote,
    articles,
    now,
  });
  const written = await db().$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<
        { html: string | null }[]
      >`SELECT html FROM newsletter_issues WHERE id = ${issueId}::uuid FOR UPDATE`;
      if (locked?.html !== null) return null;
      const recipients = await issueRecipients(tx, issue.newsletter, now);
      const batches = await writeSendLog(tx, issueId, recipients);
      await tx.newsletterIssue.update({ where: { id: issueId }, data: { ...rendered, recipients: recipients.length } });
      return { recipients: recipients.length, batches };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (!written) return { recipients: issue.recipients, batches: 0 };
  if (written.batches === 0) await finishIssueIfDone(issueId);
  else
    await enqueueBatches(
      issueId,
      Array.from({ length: written.batches }, (_, batch) => batch),
      queue,
    );
  return written;
}
