// The welcome-mail job's work: compose the welcome named by the job and send
// it, once. welcome_mails.sent_at is set when SMTP has accepted it, so a job
// run again (pg-boss retries after a failure, or the sweep) sends nothing
// twice; a failure is thrown to pg-boss, which tries again later.
import { publicUrl } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import type { WelcomeJob } from "@/lib/mail/queue-welcome-mail";
import { sendMail } from "@/lib/mail/send-mail";
import { registrationWelcome } from "./registration-welcome";
import { subscriptionWelcome } from "./subscription-welcome";

export type WelcomeResult = "sent" | "already-sent" | "nothing-to-send";

export async function sendWelcomeMail(job: WelcomeJob, now = new Date()): Promise<WelcomeResult> {
  const record = await db().welcomeMail.findUnique({ where: { key: job.key }, select: { sentAt: true } });
  // Gone: the account was deleted since (its rows went with it).
  if (!record) return "nothing-to-send";
  if (record.sentAt) return "already-sent";
  const mail =
    job.kind === "subscription" && job.subscriptionId
      ? await subscriptionWelcome(job.subscriptionId)
      : await registrationWelcome(job.userId);
  // A stable Message-ID: a copy sent again after a lost answer is recognisably the same message.
  const messageId = `<welcome.${job.key.replace(/[^A-Za-z0-9_-]/g, ".")}@${new URL(publicUrl()).hostname}>`;
  if (mail) await sendMail({ ...mail, messageId });
  await db().welcomeMail.updateMany({ where: { key: job.key, sentAt: null }, data: { sentAt: now } });
  return mail ? "sent" : "nothing-to-send";
}
