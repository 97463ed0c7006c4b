// customer.subscription.trial_will_end: Stripe's notice, three days before a
// trial ends, that the first charge is coming. The subscription is re-read
// and stored as any other event about it, and the reader's reminder queued,
// once per trial (lib/mail/queue-trial-reminder.ts), unless the trial will
// not end in a charge (cancelled, or no longer trialing).
import type Stripe from "stripe";
import { queueTrialReminder } from "@/lib/mail/queue-trial-reminder";
import { readSubscription, storeSubscription } from "../subscription-sync";
import { NOTHING_TO_WRITE, type StripeWrite } from "./stripe-write";

export async function customerSubscriptionTrialWillEnd(event: Stripe.Event): Promise<StripeWrite> {
  if (event.type !== "customer.subscription.trial_will_end") return NOTHING_TO_WRITE;
  const read = await readSubscription(event.data.object.id);
  const { subscription } = read;
  return async (tx) => {
    await storeSubscription(tx, read);
    if (subscription.status !== "trialing" || subscription.cancel_at !== null || subscription.trial_end === null)
      return;
    const { userId } = await tx.subscription.findUniqueOrThrow({
      where: { id: subscription.id },
      select: { userId: true },
    });
    await queueTrialReminder(tx, {
      subscriptionId: subscription.id,
      trialEnd: new Date(subscription.trial_end * 1000),
      userId,
    });
  };
}
