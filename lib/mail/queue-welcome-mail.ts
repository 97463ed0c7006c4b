// Welcome emails are queued, not sent, where they arise: the Stripe webhook
// must answer fast whatever SMTP does, and a first sign-in must not wait for
// a relay. The job is written in the caller's transaction with a row that
// names the welcome (welcome_mails), so it exists if and only if the change
// that calls for it was committed, and a second event about the same
// subscription, or a replay, finds the row and queues nothing. The job's
// work (composing and sending) is registered by lib/workers.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/prisma";
import { sendInTransaction } from "@/lib/jobs/send-in-transaction";

export const WELCOME_MAIL_QUEUE = "welcome-mail";

export type WelcomeKind = "subscription" | "registration";

export type WelcomeJob = { key: string; kind: WelcomeKind; userId: string; subscriptionId?: string };

/** Queues the welcome named `key` unless one was queued before; true if this call queued it. */
export async function queueWelcomeMail(
  tx: Prisma.TransactionClient,
  job: WelcomeJob,
  options: { startAfter?: Date } = {},
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO welcome_mails (key, user_id, kind) VALUES (${job.key}, ${job.userId}::uuid, ${job.kind})
    ON CONFLICT (key) DO NOTHING`;
  if (inserted === 0) return false;
  const data: Record<string, string> = { key: job.key, kind: job.kind, userId: job.userId };
  if (job.subscriptionId) data.subscriptionId = job.subscriptionId;
  await sendInTransaction(tx, WELCOME_MAIL_QUEUE, data, options);
  return true;
}

export const subscriptionWelcomeKey = (subscriptionId: string) => `subscription:${subscriptionId}`;
export const registrationWelcomeKey = (userId: string) => `registration:${userId}`;

// The first sign-in's other choices (the free newsletter) are written just
// after this is queued (lib/auth/sign-up-choices.ts), and the mail says
// whether the reader gets the newsletter: the job waits a moment for them.
const REGISTRATION_DELAY_MS = 3_000;

/** Queues the welcome of a newly registered reader (Auth.js's createUser event). */
export async function queueRegistrationWelcome(userId: string, now = new Date()): Promise<void> {
  const startAfter = new Date(now.getTime() + REGISTRATION_DELAY_MS);
  await db().$transaction((tx) =>
    queueWelcomeMail(tx, { key: registrationWelcomeKey(userId), kind: "registration", userId }, { startAfter }),
  );
}
