// The reminder a reader on a free trial gets three days before it ends:
// the date, what they will pay from then, and how to cancel (from
// /account, before that date, and nothing is charged). Built apart from
// sending it, so that its words can be read in a test.
import { formatDate } from "@/lib/articles/format";
import { formatMoney, formatPrice } from "@/lib/billing/plans";
import type { TrialCharge } from "@/lib/billing/trial-charge";
import { env, publicUrl } from "@/lib/config/env";
import { actionMail } from "@/lib/mail/action-mail";
import type { Mail } from "@/lib/mail/send-mail";

export function trialReminderMail(to: string, charge: TrialCharge): Mail {
  const name = env().PUBLICATION_NAME;
  const site = publicUrl();
  const date = formatDate(charge.trialEnd);
  const price = formatPrice(charge.price);
  const then =
    charge.firstCharge === charge.price.amount
      ? `From then your subscription continues at ${price}, charged to the card you gave at checkout.`
      : `From then your subscription continues at ${price}, less your discount: your first payment, on ${date}, is ${formatMoney(charge.firstCharge, charge.price.currency)}, charged to the card you gave at checkout.`;
  return actionMail({
    to,
    subject: `Your free trial of All-Access ends on ${date}`,
    lines: [
      `Your free trial of All-Access at ${name} ends on ${date}.`,
      then,
      `To cancel, open your account before ${date}, choose "Manage billing" and cancel your plan: nothing will be charged, and you read everything until the trial ends. ${site}/account`,
    ],
    action: { label: "Open your account", url: `${site}/account` },
  });
}
