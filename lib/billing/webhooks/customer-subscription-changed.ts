// customer.subscription.created / updated / deleted: whatever happened, the
// subscription is re-read from Stripe, so events arriving out of order (an
// update before its create) still end in Stripe's current state.
import type Stripe from "stripe";
import { readSubscription, storeSubscription } from "../subscription-sync";
import { NOTHING_TO_WRITE, type StripeWrite } from "./stripe-write";

const TYPES = new Set([
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
]);

export async function customerSubscriptionChanged(event: Stripe.Event): Promise<StripeWrite> {
  if (!TYPES.has(event.type)) return NOTHING_TO_WRITE;
  const read = await readSubscription((event.data.object as Stripe.Subscription).id);
  return (tx) => storeSubscription(tx, read);
}
