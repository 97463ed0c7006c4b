// The trial reminders' background work, run by each web server's workers
// (lib/workers/start-workers.ts): the queue the webhook writes jobs to
// (lib/mail/queue-trial-reminder.ts), and the sweep that queues again any
// reminder still unsent a quarter of an hour after it was asked for, as long
// as its trial has not ended (lib/mail/durable-mail-queue.ts).
import type PgBoss from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { TRIAL_REMINDER_QUEUE, type TrialReminderJob } from "@/lib/mail/queue-trial-reminder";
import { registerDurableMail } from "@/lib/mail/durable-mail-queue";
import { sendTrialReminder } from "./send-trial-reminder";

const SWEEP_QUEUE = "trial-reminder-sweep";
const SWEEP_AFTER_MS = 15 * 60 * 1000;

const jobData = z.object({
  subscriptionId: z.string().min(1).max(255),
  trialEnd: z.string().datetime(),
  userId: z.string().uuid(),
});

/** Queues again the reminders unsent for a while; singletonKey keeps one job per trial in the queue. */
export async function sweepTrialReminders(boss: Pick<PgBoss, "send">, now = new Date()): Promise<number> {
  const unsent = await db().trialReminder.findMany({
    where: {
      sentAt: null,
      createdAt: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) },
      trialEnd: { gt: now },
    },
    select: { subscriptionId: true, trialEnd: true, userId: true },
    take: 500,
  });
  for (const row of unsent) {
    const job: TrialReminderJob = { ...row, trialEnd: row.trialEnd.toISOString() };
    await boss.send(TRIAL_REMINDER_QUEUE, job, { singletonKey: `${row.subscriptionId}:${job.trialEnd}` });
  }
  return unsent.length;
}

export async function registerTrialReminderJobs(boss: PgBoss, log: (line: string) => void): Promise<void> {
  await registerDurableMail(boss, log, {
    queue: TRIAL_REMINDER_QUEUE,
    sweepQueue: SWEEP_QUEUE,
    label: "trial reminder",
    job: jobData,
    send: (job) => sendTrialReminder({ ...job, trialEnd: new Date(job.trialEnd) }),
    sweep: sweepTrialReminders,
  });
}
