// The email a new subscriber gets: what they bought (plan and price), when it
// renews, where to manage or cancel it, and how to sign in on their other
// devices. A plain link to /signin: a login token in an email would be a key
// to the account lying in an inbox.
import { formatDate } from "@/lib/articles/format";
import { formatPrice, listPlans, planKeyFor } from "@/lib/billing/plans";
import { env, publicUrl } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { actionMail } from "@/lib/mail/action-mail";
import type { Mail } from "@/lib/mail/send-mail";

/** The mail for subscription `subscriptionId`, or null when there is nothing to welcome (gone since). */
export async function subscriptionWelcome(subscriptionId: string): Promise<Mail | null> {
  const subscription = await db().subscription.findUnique({
    where: { id: subscriptionId },
    select: {
      plan: true,
      status: true,
      currentPeriodEnd: true,
      cancelAtPeriodEnd: true,
      user: { select: { email: true } },
    },
  });
  if (!subscription) return null;
  const key = planKeyFor(subscription.plan);
  const plan = (await listPlans()).find((candidate) => candidate.key === key);
  const planName = `All-Access, ${key === "annual" ? "annual" : "monthly"}`;
  const name = env().PUBLICATION_NAME;
  const site = publicUrl();
  const end = formatDate(subscription.currentPeriodEnd);
  // A trial's period is the trial: its end is the first charge.
  const renewal = subscription.cancelAtPeriodEnd
    ? `It ends on ${end}, and you read everything until then.`
    : subscription.status === "trialing"
      ? `Your free trial runs until ${end}; then it continues${plan ? ` at ${formatPrice(plan)}` : ""} unless you cancel before.`
      : `It renews on ${end}${plan ? ` at ${formatPrice(plan)}` : ""}.`;
  return actionMail({
    to: subscription.user.email,
    subject: `Welcome to All-Access at ${name}`,
    lines: [
      `Thank you for subscribing to ${name}.`,
      `Your plan: ${planName}${plan ? `, ${formatPrice(plan)}` : ""}. ${renewal}`,
      "You can now read every article in full, search the whole archive, and receive the Daily Review every weekday and the Weekly Review every weekend.",
      `To manage your subscription, change your payment method or cancel, open your account: ${site}/account`,
      `To read on another device, sign in there with this email address: ${site}/signin`,
    ],
    action: { label: "Start reading", url: `${site}/` },
  });
}
