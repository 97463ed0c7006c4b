// Durable jobs and schedules on the same PostgreSQL (pg-boss). Each web
// server runs a worker; pg-boss hands every job to one of them, and a cron
// schedule fires once however many servers run.
import PgBoss from "pg-boss";
import { reconcileSubscriptions } from "@/lib/billing/reconcile";
import { startScheduledPublishing } from "@/lib/newsroom/articles/scheduled-publishing";
import { registerNewsletterJobs } from "@/lib/newsletters/newsletter-jobs";

const RECONCILE = "billing-reconcile";

export async function startJobRunner(databaseUrl: string, log: (line: string) => void): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 3 });
  boss.on("error", (error) => log(`jobs: ${error.message}`));
  await boss.start();
  await boss.createQueue(RECONCILE);
  // Hourly; a missed webhook is repaired within the hour at the latest.
  await boss.schedule(RECONCILE, "23 * * * *");
  await boss.work(RECONCILE, async () => {
    const report = await reconcileSubscriptions();
    log(`jobs: reconciled ${report.checked} subscriptions, repaired ${report.repaired}`);
  });
  await startScheduledPublishing(boss, log);
  // Newsletters: the schedule's minute tick and the batches that send.
  const closeNewsletters = await registerNewsletterJobs(boss, log);
  boss.on("stopped", closeNewsletters);
  return boss;
}
