// The trial-reminder job's work: compose the reminder of one trial and send
// it, once. What it says is read from Stripe now (trial-charge.ts), so a
// trial cancelled or changed since Stripe's notice gets no reminder.
// trial_reminders.sent_at is set when SMTP has accepted the mail, or when
// there is nothing left to remind of, so a job run again (a retry, the
// sweep) sends nothing twice; a failure is thrown to pg-boss, which tries
// again later.
import { trialCharge } from "@/lib/billing/trial-charge";
import { publicUrl } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import type { TrialReminder } from "@/lib/mail/queue-trial-reminder";
import { sendMail } from "@/lib/mail/send-mail";
import { trialReminderMail } from "./trial-reminder-mail";

export type TrialReminderResult = "sent" | "already-sent" | "nothing-to-send";

export async function sendTrialReminder(reminder: TrialReminder, now = new Date()): Promise<TrialReminderResult> {
  const key = { subscriptionId: reminder.subscriptionId, trialEnd: reminder.trialEnd };
  const row = await db().trialReminder.findUnique({
    where: { subscriptionId_trialEnd: key },
    select: { sentAt: true, user: { select: { email: true } } },
  });
  // Gone: the account was deleted since (its rows went with it).
  if (!row) return "nothing-to-send";
  if (row.sentAt) return "already-sent";
  const charge = await trialCharge(reminder.subscriptionId, reminder.trialEnd);
  if (charge) {
    // A stable Message-ID: a copy sent again after a lost answer is recognisably the same message.
    const messageId = `<trial.${reminder.subscriptionId.replace(/[^A-Za-z0-9_-]/g, ".")}.${reminder.trialEnd.getTime()}@${new URL(publicUrl()).hostname}>`;
    await sendMail({ ...trialReminderMail(row.user.email, charge), messageId });
  }
  await db().trialReminder.updateMany({ where: { ...key, sentAt: null }, data: { sentAt: now } });
  return charge ? "sent" : "nothing-to-send";
}
