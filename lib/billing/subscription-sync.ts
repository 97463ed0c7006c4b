// Copies a subscription's current state from Stripe into PostgreSQL. Every
// webhook and the reconciliation end here: they never trust the order events
// arrive in, they re-read the subscription and store what Stripe says now.
// Reading and storing are two steps: Stripe is read with no transaction open,
// and stored in a short one, only if no other sync stored it meanwhile
// (stripe-sync-version.ts).
import type Stripe from "stripe";
import { db, type Prisma } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { EVENT_METRICS } from "@/lib/insights/insight-metrics";
import { countOriginSubscription } from "@/lib/insights/reader-origin";
import { recordSubscriptionChange } from "@/lib/insights/subscription-history";
import { queueWelcomeMail, subscriptionWelcomeKey } from "@/lib/mail/queue-welcome-mail";
import { idOf } from "./stripe-id";
import { stripe } from "./stripe-client";
import { ownerOf } from "./subscription-owner";

export { UnattributableSubscriptionError } from "./subscription-owner";
import { expectFreshRead, retryStaleReads, STRIPE_WRITE_TRANSACTION } from "./stripe-sync-version";

type Tx = Prisma.TransactionClient;

// The statuses that grant access: a subscription's first step into one is
// welcomed by email and counted as a subscription started (countLifecycle).
const GRANTING_STATUSES = new Set(["active", "trialing"]);

/**
 * A subscription as Stripe gave it, the stored copy's sync_version before it
 * was asked (null: none stored), and, for a subscription that names no
 * reader (a visitor's checkout), the address its customer gave in Checkout.
 */
export type SubscriptionRead = {
  subscription: Stripe.Subscription;
  seenVersion: number | null;
  buyerEmail?: string | null;
};

const dateOf = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** Reads subscription `id` from Stripe. No transaction may be open. */
export async function readSubscription(id: string): Promise<SubscriptionRead> {
  // The version first: it must be the one from before Stripe was asked.
  const stored = await db().subscription.findUnique({ where: { id }, select: { syncVersion: true } });
  const subscription = await stripe().subscriptions.retrieve(id);
  const seenVersion = stored?.syncVersion ?? null;
  if (subscription.metadata?.userId) return { subscription, seenVersion };
  const customer = await stripe().customers.retrieve(idOf(subscription.customer));
  return { subscription, seenVersion, buyerEmail: "deleted" in customer && customer.deleted ? null : customer.email };
}

/**
 * Stores a read inside `tx`; throws StaleStripeReadError when another sync
 * stored this subscription after the read began (its state may be newer).
 */
export async function storeSubscription(tx: Tx, read: SubscriptionRead, now = new Date()): Promise<void> {
  const { subscription } = read;
  const id = subscription.id;
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${id} has no items`);
  const userId = await ownerOf(tx, subscription, read.buyerEmail);
  const existing = await tx.subscription.findUnique({
    where: { id },
    select: { pastDueSince: true, status: true, cancelAtPeriodEnd: true },
  });
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
    trialEnd: dateOf(subscription.trial_end),
  };
  const written =
    read.seenVersion === null
      ? await tx.subscription.createMany({ data: [{ id, ...fields, syncVersion: 1 }], skipDuplicates: true })
      : await tx.subscription.updateMany({
          where: { id, syncVersion: read.seenVersion },
          data: { ...fields, syncVersion: { increment: 1 } },
        });
  expectFreshRead(written.count, `subscription ${id}`);
  await recordSubscriptionChange(tx, subscription, now);
  const started = await countLifecycle(tx, existing, subscription, now);
  // A reader who came through a gift link: their subscription counts for it too.
  if (started) await countOriginSubscription(tx, userId, now);
  // The customer is known from now on, also for a checkout that began elsewhere.
  await tx.user.updateMany({
    where: { id: userId, stripeCustomerId: null },
    data: { stripeCustomerId: fields.customerId },
  });
  // Welcomed once, when it first grants access (queue-welcome-mail.ts).
  if (GRANTING_STATUSES.has(subscription.status)) {
    await queueWelcomeMail(tx, { key: subscriptionWelcomeKey(id), kind: "subscription", userId, subscriptionId: id });
  }
}

const SUBSCRIBED = new Set(["active", "trialing", "past_due"]);
const ENDED = new Set(["canceled", "unpaid", "incomplete_expired"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The insights' subscriptions started and cancellations (lib/insights/),
 * counted on the step from the stored state to Stripe's, in the same
 * transaction: a sync that repeats a state counts nothing. A subscription
 * started on the article checkout named (checkout.ts) is counted on it.
 * True when it counted a subscription started.
 */
export async function countLifecycle(
  tx: Tx,
  before: { status: string; cancelAtPeriodEnd: boolean } | null,
  subscription: Stripe.Subscription,
  now: Date,
): Promise<boolean> {
  const fromArticle = subscription.metadata?.articleId;
  const articleId = fromArticle && UUID.test(fromArticle) ? fromArticle : null;
  const started = GRANTING_STATUSES.has(subscription.status) && !(before && SUBSCRIBED.has(before.status));
  if (started) await countEvent(tx, EVENT_METRICS.subscription, articleId, now);
  const cancelling = (state: { status: string; cancelAtPeriodEnd: boolean }) =>
    state.cancelAtPeriodEnd || ENDED.has(state.status);
  const after = { status: subscription.status, cancelAtPeriodEnd: subscription.cancel_at_period_end };
  if (before && SUBSCRIBED.has(before.status) && !cancelling(before) && cancelling(after)) {
    await countEvent(tx, EVENT_METRICS.cancellation, articleId, now);
  }
  return started;
}

/** Reads subscription `id` from Stripe and stores it in a transaction of its own (the reconciliation). */
export async function syncSubscription(id: string, now = new Date()): Promise<void> {
  await retryStaleReads(async () => {
    const read = await readSubscription(id);
    await db().$transaction((tx) => storeSubscription(tx, read, now), STRIPE_WRITE_TRANSACTION);
  });
}
