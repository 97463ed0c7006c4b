// The durable queue newsletter batches travel through (pg-boss, on the same
// PostgreSQL). The web server's job runner registers its pg-boss here, so a
// "send now" in the same process queues through it; elsewhere (a server
// with JOBS=off, a script, a test) a pg-boss that only sends is started.
import PgBoss from "pg-boss";
import { env } from "@/lib/config/env";

export const BATCH_QUEUE = "newsletter-batch";
export const TICK_QUEUE = "newsletter-tick";

export type JobQueue = Pick<PgBoss, "send">;

const globalForQueue = globalThis as unknown as { folioNewsletterQueue?: Promise<JobQueue> };

export function setNewsletterQueue(boss: PgBoss): void {
  globalForQueue.folioNewsletterQueue = Promise.resolve(boss);
}

async function startSender(): Promise<JobQueue> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: newsletters need the database's job queue");
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
  boss.on("error", (error) => console.error(`[folio] newsletter queue: ${error.message}`));
  await boss.start();
  await createNewsletterQueues(boss);
  return boss;
}

export function newsletterQueue(): Promise<JobQueue> {
  globalForQueue.folioNewsletterQueue ??= startSender();
  return globalForQueue.folioNewsletterQueue;
}

/** Stops the queue this module started (scripts and tests). */
export async function stopNewsletterQueue(): Promise<void> {
  const queue = globalForQueue.folioNewsletterQueue;
  globalForQueue.folioNewsletterQueue = undefined;
  const boss = (await queue) as PgBoss | undefined;
  if (boss && "stop" in boss) await boss.stop({ graceful: false, wait: true }).catch(() => {});
}

export async function createNewsletterQueues(boss: PgBoss): Promise<void> {
  // "short": at most one queued (not yet started) job per batch, so the sweep
  // and retries cannot pile up copies; a copy could do no harm anyway, as
  // recipients are claimed row by row.
  await boss.createQueue(BATCH_QUEUE, {
    name: BATCH_QUEUE,
    policy: "short",
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 3600,
  });
  await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: "short", expireInSeconds: 600 });
}

export type BatchJob = { issueId: string; batch: number };

export async function enqueueBatches(
  issueId: string,
  batches: number[],
  queue?: JobQueue,
  startAfter?: Date,
): Promise<void> {
  const target = queue ?? (await newsletterQueue());
  for (const batch of batches) {
    await target.send(BATCH_QUEUE, { issueId, batch } satisfies BatchJob, {
      singletonKey: `${issueId}:${batch}`,
      ...(startAfter ? { startAfter } : {}),
    });
  }
}
