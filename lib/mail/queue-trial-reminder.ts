// The reminder that a free trial ends in three days is queued, not sent,
// where Stripe announces it (customer.subscription.trial_will_end), like the
// welcome (queue-welcome-mail.ts): the webhook answers fast whatever SMTP
// does. The job is written in the webhook's transaction with a row that
// names the trial (trial_reminders: subscription and trial end), so a
// second delivery of the event, or another event about the same trial,
// finds the row and queues nothing: one reminder per trial. The job's work
// is registered by lib/workers.
import type { Prisma } from "@/lib/db/generated/client";
import { sendInTransaction } from "@/lib/jobs/send-in-transaction";

export const TRIAL_REMINDER_QUEUE = "trial-reminder-mail";

export type TrialReminder = { subscriptionId: string; trialEnd: Date; userId: string };

/** Job data: strings only (the trial's end as an ISO date). */
export type TrialReminderJob = { subscriptionId: string; trialEnd: string; userId: string };

/** Queues the reminder of this trial unless one was queued before; true if this call queued it. */
export async function queueTrialReminder(tx: Prisma.TransactionClient, reminder: TrialReminder): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO trial_reminders (subscription_id, trial_end, user_id)
    VALUES (${reminder.subscriptionId}, ${reminder.trialEnd}, ${reminder.userId}::uuid)
    ON CONFLICT (subscription_id, trial_end) DO NOTHING`;
  if (inserted === 0) return false;
  const job: TrialReminderJob = { ...reminder, trialEnd: reminder.trialEnd.toISOString() };
  await sendInTransaction(tx, TRIAL_REMINDER_QUEUE, job);
  return true;
}
