// customer.subscription.created / updated / deleted: whatever happened, the
// subscription is re-read from Stripe, so events arriving out of order (an
// update before its create) still end in Stripe's current state.
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";
import { syncSubscription } from "../subscription-sync";

const TYPES = new Set([
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
]);

export async function customerSubscriptionChanged(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<void> {
  if (!TYPES.has(event.type)) return;
  const subscription = event.data.object as Stripe.Subscription;
  await syncSubscription(tx, subscription.id);
}
