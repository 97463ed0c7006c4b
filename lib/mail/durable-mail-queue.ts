// A kind of mail that must not be lost (a welcome, a trial's reminder): the
// row that asks for it is written with its pg-boss job, the job is retried
// with a growing pause while SMTP (or Stripe) is away, and a sweep every ten
// minutes queues again what is still unsent a while after it was asked for
// (its job lost, say, because the queue did not exist yet when it was
// written). Each kind brings its queues, its job's shape, how to send one
// and how to find the unsent ones; the sending itself checks sent_at, so a
// retried batch sends nothing twice.
import type PgBoss from "pg-boss";
import type { z } from "zod";
import { describeSmtpFailure } from "./send-mail";

export type DurableMail<Schema extends z.ZodType> = {
  queue: string;
  sweepQueue: string;
  /** For the log: "welcome mail", "trial reminder". */
  label: string;
  job: Schema;
  /** Sends one (or finds it sent already); throws to have the job retried. */
  send: (job: z.infer<Schema>) => Promise<unknown>;
  /** Queues again the mails unsent for a while; how many. */
  sweep: (boss: Pick<PgBoss, "send">) => Promise<number>;
};

export async function registerDurableMail<Schema extends z.ZodType>(
  boss: PgBoss,
  log: (line: string) => void,
  mail: DurableMail<Schema>,
): Promise<void> {
  await boss.createQueue(mail.queue, {
    name: mail.queue,
    retryLimit: 10,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 300,
  });
  await boss.createQueue(mail.sweepQueue, { name: mail.sweepQueue, policy: "short", expireInSeconds: 600 });
  await boss.schedule(mail.sweepQueue, "*/10 * * * *");
  // pg-boss fetches once per polling interval: one job at a time would drain
  // a backlog (after an SMTP outage, or a members import asked to welcome
  // its readers) at one mail a second. Up to twenty at a time.
  await boss.work(mail.queue, { pollingIntervalSeconds: 1, batchSize: 20 }, async (jobs) => {
    for (const job of jobs) {
      const data = mail.job.safeParse(job.data);
      // A job this code did not write: nothing to retry.
      if (!data.success) continue;
      try {
        await mail.send(data.data);
      } catch (error) {
        // The SMTP reply code only (a relay's message can quote the address), or the error's kind.
        const code = describeSmtpFailure(error).code;
        log(`${mail.label} not sent yet, will retry: ${code ? `SMTP ${code}` : (error as Error).name}`);
        throw error;
      }
    }
  });
  await boss.work(mail.sweepQueue, async () => {
    const queued = await mail.sweep(boss);
    if (queued > 0) log(`${mail.label}s: queued ${queued} again`);
  });
}
