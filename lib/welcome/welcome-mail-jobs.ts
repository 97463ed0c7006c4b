// The welcome emails' background work, run by each web server's workers
// (lib/workers/start-workers.ts): the queue the webhook and the first
// sign-in write jobs to (lib/mail/queue-welcome-mail.ts), and a sweep every
// ten minutes that queues again any welcome still unsent a quarter of an
// hour after it was asked for (its job lost, say, because the queue did not
// exist yet when it was written), so that no welcome is lost for good.
import type PgBoss from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { WELCOME_MAIL_QUEUE, type WelcomeJob } from "@/lib/mail/queue-welcome-mail";
import { describeSmtpFailure } from "@/lib/mail/send-mail";
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
  // Retried with a growing pause: an SMTP relay that is down for a while
  // delays the welcome, it does not lose it.
  await boss.createQueue(WELCOME_MAIL_QUEUE, {
    name: WELCOME_MAIL_QUEUE,
    retryLimit: 10,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "short", expireInSeconds: 600 });
  await boss.schedule(SWEEP_QUEUE, "*/10 * * * *");
  // pg-boss fetches once per polling interval: one job at a time drained a
  // backlog (after an SMTP outage, or a members import asked to welcome its
  // readers) at one welcome a second. Up to twenty at a time; a failure
  // retries the batch, which sends nothing twice (sendWelcomeMail checks
  // sent_at).
  await boss.work(WELCOME_MAIL_QUEUE, { pollingIntervalSeconds: 1, batchSize: 20 }, async (jobs) => {
    for (const job of jobs) {
      const data = jobData.safeParse(job.data);
      // A job this code did not write: nothing to retry.
      if (!data.success) continue;
      try {
        await sendWelcomeMail(data.data);
      } catch (error) {
        // The SMTP reply code only: a relay's message can quote the address.
        const failure = describeSmtpFailure(error);
        log(`welcome mail (${data.data.kind}) not sent yet, will retry: SMTP ${failure.code ?? "no answer"}`);
        throw error;
      }
    }
  });
  await boss.work(SWEEP_QUEUE, async () => {
    const queued = await sweepWelcomeMails(boss);
    if (queued > 0) log(`welcome mails: queued ${queued} again`);
  });
}
