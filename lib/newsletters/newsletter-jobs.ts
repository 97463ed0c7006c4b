// The newsletters' background work, run by each web server's workers
// (lib/workers/start-workers.ts): a tick every minute (a pg-boss cron schedule,
// which fires once however many servers run) that starts issues the schedule
// says are due and sweeps sends in progress, and the batch jobs that send.
import type PgBoss from "pg-boss";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { openBulkSender } from "@/lib/mail/send-mail";
import { dateColumn } from "./issue-dates";
import { dueIssueDate, scheduleFrom } from "./issue-schedule";
import { NEWSLETTER_KEYS } from "./newsletter-catalog";
import {
  BATCH_QUEUE,
  createNewsletterQueues,
  enqueueBatches,
  TICK_QUEUE,
  type BatchJob,
  type JobQueue,
} from "./newsletter-queue";
import { sendBatch } from "./send-batch";
import { finishIssueIfDone } from "./send-progress";
import { prepareIssue, SCHEDULE, startIssueSend } from "./start-send";

type Log = (line: string) => void;

/** Starts every issue that is due at `now` and not yet started. */
export async function runSchedule(now: Date, queue: JobQueue, log: Log): Promise<void> {
  const schedule = scheduleFrom(env());
  for (const newsletter of NEWSLETTER_KEYS) {
    const due = dueIssueDate(newsletter, schedule, now);
    if (!due) continue;
    const existing = await db().newsletterIssue.findUnique({
      where: { newsletter_issueDate: { newsletter, issueDate: dateColumn(due) } },
      select: { status: true },
    });
    if (existing && existing.status !== "draft") continue;
    const result = await startIssueSend(SCHEDULE, newsletter, { issueDate: due, now, queue });
    log(
      `newsletters: ${newsletter} ${due}: ${result.kind === "started" ? `sending to ${result.recipients}` : result.kind}`,
    );
  }
}

/**
 * Picks up sends in progress: prepares issues a dead server left unprepared,
 * queues every batch that has recipients left (now, or when their retry or
 * an abandoned claim comes due), and marks finished issues sent. Runs at
 * start-up, so a restarted worker resumes at once, and on every tick.
 */
export async function sweepSends(queue: JobQueue, now = new Date()): Promise<void> {
  const sending = await db().newsletterIssue.findMany({
    where: { status: "sending" },
    select: { id: true, html: true },
  });
  const lease = env().NEWSLETTER_CLAIM_TIMEOUT_SECONDS;
  for (const issue of sending) {
    if (issue.html === null) {
      await prepareIssue(issue.id, now, queue);
      continue;
    }
    const batches = await db().$queryRaw<{ batch: number; at: Date }[]>`
      SELECT batch, min(CASE WHEN status = 'pending' THEN next_attempt_at
                             ELSE claimed_at + make_interval(secs => ${lease}::float8) END) AS at
      FROM newsletter_deliveries
      WHERE issue_id = ${issue.id}::uuid AND status IN ('pending', 'sending')
      GROUP BY batch`;
    for (const { batch, at } of batches) {
      await enqueueBatches(issue.id, [batch], queue, at.getTime() > now.getTime() ? at : undefined);
    }
    if (batches.length === 0) await finishIssueIfDone(issue.id);
  }
}

/**
 * Registers the queues, the minute tick and the workers; returns what to call
 * on shutdown. `schedule: false` leaves the tick to others (a worker that only
 * sends, as in the delivery tests and the benchmark).
 */
export async function registerNewsletterJobs(
  boss: PgBoss,
  log: Log,
  options: { schedule?: boolean } = {},
): Promise<() => void> {
  await createNewsletterQueues(boss);
  const sender = openBulkSender({ connections: env().NEWSLETTER_SMTP_CONNECTIONS });
  if (options.schedule !== false) {
    await boss.schedule(TICK_QUEUE, "* * * * *");
    await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await runSchedule(new Date(), boss, log);
      await sweepSends(boss);
    });
  }
  await boss.work<BatchJob>(BATCH_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const started = Date.now();
    const outcome = await sendBatch(job.data, sender);
    if (outcome.nextRunAt) await enqueueBatches(job.data.issueId, [job.data.batch], boss, outcome.nextRunAt);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `newsletters: issue ${job.data.issueId} batch ${job.data.batch}: ${outcome.sent} sent, ${outcome.retrying} to retry, ${outcome.failed} failed (${took} s)`,
    );
  });
  await sweepSends(boss).catch((error: unknown) => log(`newsletters: sweep failed: ${String(error)}`));
  return () => sender.close();
}
