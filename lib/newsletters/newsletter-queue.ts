// The durable queues newsletter batches travel through: the process's one
// pg-boss (lib/jobs/job-queue.ts), which the web server's workers started, or
// which starts on first use as a sender (a server with JOBS=off, a script, a
// test).
import type PgBoss from "pg-boss";
import { jobQueue } from "@/lib/jobs/job-queue";

export const BATCH_QUEUE = "newsletter-batch";
export const TICK_QUEUE = "newsletter-tick";

export type JobQueue = Pick<PgBoss, "send">;

// The pg-boss instances whose queues exist already (createQueue is a round
// trip): on globalThis for the same reason as the instance itself.
const processGlobals = globalThis as unknown as { folioNewsletterQueuesOn?: WeakSet<PgBoss> };

export async function newsletterQueue(): Promise<JobQueue> {
  const boss = await jobQueue();
  const ready = (processGlobals.folioNewsletterQueuesOn ??= new WeakSet());
  if (!ready.has(boss)) {
    await createNewsletterQueues(boss);
    ready.add(boss);
  }
  return boss;
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
