// The background work a web server runs (JOBS=on, the default): every
// domain's pg-boss workers and schedules, registered on the process's one
// pg-boss (lib/jobs/job-queue.ts). pg-boss hands every job to one server, and
// a cron schedule fires once however many servers run. This module is the top
// of lib/ (docs/architecture.md): it may import every domain, and lib/jobs,
// below them all, keeps only the queue itself.
import { DEPARTED_METERS_PURGE_QUEUE, purgeDepartedMeters } from "@/lib/access/departed-meters";
import { registerTrialReminderJobs } from "@/lib/account/trial-reminder-jobs";
import { reconcileSubscriptions } from "@/lib/billing/reconcile";
import { db } from "@/lib/db/prisma";
import { startJobWorker, stopJobQueue } from "@/lib/jobs/job-queue";
import { startScheduledPublishing } from "@/lib/newsroom/articles/scheduled-publishing";
import { registerNewsletterJobs } from "@/lib/newsletters/newsletter-jobs";
import { registerWelcomeMailJobs } from "@/lib/welcome/welcome-mail-jobs";

const RECONCILE = "billing-reconcile";

export type Workers = {
  /** Lets running jobs finish (up to five seconds), then stops the process's pg-boss. */
  stop(): Promise<void>;
};

export async function startWorkers(log: (line: string) => void): Promise<Workers> {
  const boss = await startJobWorker();
  await boss.createQueue(RECONCILE);
  // Hourly; a missed webhook is repaired within the hour at the latest.
  await boss.schedule(RECONCILE, "23 * * * *");
  await boss.work(RECONCILE, async () => {
    const report = await reconcileSubscriptions();
    log(`jobs: reconciled ${report.checked} subscriptions, repaired ${report.repaired}`);
  });
  // A deleted account's count of free articles is kept until its month ends
  // (lib/access/departed-meters.ts). Hourly, so a row outlives its month by
  // an hour at most whatever PUBLICATION_TIMEZONE is, and once at start-up
  // for a month that ended while no job runner was up.
  await boss.createQueue(DEPARTED_METERS_PURGE_QUEUE);
  await boss.schedule(DEPARTED_METERS_PURGE_QUEUE, "7 * * * *");
  await boss.work(DEPARTED_METERS_PURGE_QUEUE, async () => {
    const purged = await purgeDepartedMeters(db());
    if (purged > 0) log(`jobs: purged ${purged} deleted accounts' counts of past months`);
  });
  await boss.send(DEPARTED_METERS_PURGE_QUEUE, { reason: "start-up" });
  await startScheduledPublishing(boss, log);
  // Welcome emails for new subscribers and newly registered readers.
  await registerWelcomeMailJobs(boss, log);
  // Reminders that a free trial ends in three days.
  await registerTrialReminderJobs(boss, log);
  // Newsletters: the schedule's minute tick and the batches that send.
  const closeNewsletters = await registerNewsletterJobs(boss, log);
  return {
    async stop() {
      await stopJobQueue({ graceful: true, timeout: 5_000 });
      closeNewsletters();
    },
  };
}
