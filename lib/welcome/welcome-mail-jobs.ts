// The welcome emails' background work, run by each web server's workers
// (lib/workers/start-workers.ts): the queue the webhook and the first
// sign-in write jobs to (lib/mail/queue-welcome-mail.ts), and the sweep that
// queues again any welcome still unsent a quarter of an hour after it was
// asked for, so that no welcome is lost for good (lib/mail/durable-mail-queue.ts).
import type PgBoss from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { WELCOME_MAIL_QUEUE, type WelcomeJob } from "@/lib/mail/queue-welcome-mail";
import { registerDurableMail } from "@/lib/mail/durable-mail-queue";
import { sendWelcomeMail } from "./send-welcome-mail";

const SWEEP_QUEUE = "welcome-mail-sweep";
const SWEEP_AFTER_MS = 15 * 60 * 1000;

const jobData = z.object({
  key: z.string().min(1).max(200),
  kind: z.enum(["subscription", "registration"]),
  userId: z.string().uuid(),
  subscriptionId: z.string().max(200).optional(),
});

/** Queues again the welcomes unsent for a while; singletonKey keeps one job per welcome in the queue. */
export async function sweepWelcomeMails(boss: Pick<PgBoss, "send">, now = new Date()): Promise<number> {
  const unsent = await db().welcomeMail.findMany({
    where: { sentAt: null, createdAt: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) } },
    select: { key: true, kind: true, userId: true },
    take: 500,
  });
  for (const row of unsent) {
    const job: WelcomeJob = {
      key: row.key,
      kind: row.kind === "subscription" ? "subscription" : "registration",
      userId: row.userId,
      ...(row.kind === "subscription" ? { subscriptionId: row.key.slice("subscription:".length) } : {}),
    };
    await boss.send(WELCOME_MAIL_QUEUE, job, { singletonKey: row.key });
  }
  return unsent.length;
}

export async function registerWelcomeMailJobs(boss: PgBoss, log: (line: string) => void): Promise<void> {
  await registerDurableMail(boss, log, {
    queue: WELCOME_MAIL_QUEUE,
    sweepQueue: SWEEP_QUEUE,
    label: "welcome mail",
    job: jobData,
    send: (job) => sendWelcomeMail(job),
    sweep: sweepWelcomeMails,
  });
}
