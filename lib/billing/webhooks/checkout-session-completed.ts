// checkout.session.completed: the reader paid. Links the Stripe customer to
// the reader named by client_reference_id and stores the new subscription.
import type Stripe from "stripe";
import { stripe } from "../stripe-client";
import { idOf } from "../stripe-id";
import { readSubscription, storeSubscription } from "../subscription-sync";
import { NOTHING_TO_WRITE, type StripeWrite } from "./stripe-write";

export async function checkoutSessionCompleted(event: Stripe.Event): Promise<StripeWrite> {
  if (event.type !== "checkout.session.completed") return NOTHING_TO_WRITE;
  const session = await stripe().checkout.sessions.retrieve(event.data.object.id);
  const customer = idOf(session.customer);
  const subscriptionId = idOf(session.subscription);
  const subscription = subscriptionId ? await readSubscription(subscriptionId) : null;
  return async (tx) => {
    if (session.client_reference_id && customer) {
      await tx.user.updateMany({
        where: { id: session.client_reference_id, stripeCustomerId: null },
        data: { stripeCustomerId: customer },
      });
    }
    if (subscription) await storeSubscription(tx, subscription);
  };
}
