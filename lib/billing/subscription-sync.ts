// Copies a subscription's current state from Stripe into PostgreSQL. Every
// webhook and the reconciliation end here: they never trust the order events
// arrive in, they re-read the subscription and store what Stripe says now.
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";
import { userIdForCustomer } from "./customers";
import { idOf } from "./stripe-id";
import { stripe } from "./stripe-client";

type Tx = Prisma.TransactionClient;

export class UnattributableSubscriptionError extends Error {}

const dateOf = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

async function ownerOf(tx: Tx, subscription: Stripe.Subscription): Promise<string> {
  const fromMetadata = subscription.metadata?.userId;
  if (fromMetadata) {
    const user = await tx.user.findUnique({ where: { id: fromMetadata }, select: { id: true } }).catch(() => null);
    if (user) return user.id;
  }
  const fromCustomer = await userIdForCustomer(idOf(subscription.customer), tx);
  if (fromCustomer) return fromCustomer;
  throw new UnattributableSubscriptionError(`subscription ${subscription.id} belongs to no known reader`);
}

/**
 * Re-reads subscription `id` from Stripe and stores it, inside `tx`. The
 * transaction-scoped lock serialises syncs of one subscription, so a sync
 * that read Stripe earlier can never commit after one that read it later.
 */
export async function syncSubscription(tx: Tx, id: string, now = new Date()): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`stripe-subscription:${id}`}))::text`;
  const subscription = await stripe().subscriptions.retrieve(id);
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${id} has no items`);
  const userId = await ownerOf(tx, subscription);
  const existing = await tx.subscription.findUnique({ where: { id }, select: { pastDueSince: true } });
  const fields = {
    userId,
    customerId: idOf(subscription.customer),
    status: subscription.status,
    priceId: item.price.id,
    plan: item.price.lookup_key ?? item.price.id,
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    cancelAt: dateOf(subscription.cancel_at),
    endedAt: dateOf(subscription.ended_at),
    pastDueSince: subscription.status === "past_due" ? (existing?.pastDueSince ?? now) : null,
  };
  await tx.subscription.upsert({ where: { id }, create: { id, ...fields }, update: fields });
  // The customer is known from now on, also for a checkout that began elsewhere.
  await tx.user.updateMany({
    where: { id: userId, stripeCustomerId: null },
    data: { stripeCustomerId: fields.customerId },
  });
}
