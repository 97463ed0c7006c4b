// Changes to an existing subscription, shared by the API and the hosted
// portal so both emit the same events. `updateSubscription` snapshots the
// subscription, lets the change mutate it, and emits one
// `customer.subscription.updated` (with previous_attributes) if anything
// changed, then `invoice.paid` for an invoice the change charged. The
// apply* functions only mutate; they are the changes it runs.
import { createInvoice } from "./create-invoice";
import { periodEndFrom, planFromPrice } from "./create-subscription";
import { emitEvent } from "./emit-event";
import type { Cause, EmulatorCore } from "./emulator-core";
import { lineDescription, longDate, productName } from "./price-labels";
import { invalidParam, invalidRequest, noSuchResource } from "./stripe-error";
import type { InvoiceObject, PriceObject, SubscriptionItemObject, SubscriptionObject } from "./stripe-objects";
import { currentDiscounts } from "./subscription-discounts";

export function findSubscription(core: EmulatorCore, id: string, param = "id"): SubscriptionObject {
  const subscription = core.state.subscriptions[id];
  if (!subscription) throw noSuchResource("subscription", id, param);
  return subscription;
}

export function firstItem(subscription: SubscriptionObject): SubscriptionItemObject {
  return subscription.items.data[0]!;
}

export function assertNotCanceled(subscription: SubscriptionObject): void {
  if (subscription.status === "canceled") {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
  }
}

export function updateSubscription(
  core: EmulatorCore,
  subscription: SubscriptionObject,
  cause: Cause,
  change: (subscription: SubscriptionObject) => InvoiceObject | undefined | void,
): void {
  const before = structuredClone(subscription);
  // The change works on a copy and is kept only if it does not throw, so a
  // rejected request leaves the subscription as it was, as on Stripe.
  const draft = structuredClone(subscription);
  const invoice = change(draft);
  Object.assign(subscription, draft);
  if (JSON.stringify(before) !== JSON.stringify(subscription)) {
    emitEvent(core, "customer.subscription.updated", subscription, { before, cause });
  }
  if (invoice) emitEvent(core, "invoice.paid", invoice, { cause });
}

/**
 * Schedules the end of the subscription (a time, or "period_end") or takes
 * it back (null). Since 2025 Stripe shows a cancellation at period end both
 * as `cancel_at_period_end: true` and as `cancel_at` set to the period end.
 */
export function applyCancellation(
  core: EmulatorCore,
  subscription: SubscriptionObject,
  at: number | "period_end" | null,
): void {
  assertNotCanceled(subscription);
  const periodEnd = firstItem(subscription).current_period_end;
  if (at === null) {
    subscription.cancel_at = null;
    subscription.cancel_at_period_end = false;
    subscription.canceled_at = null;
    subscription.cancellation_details = { ...subscription.cancellation_details!, reason: null };
    return;
  }
  const cancelAt = at === "period_end" ? periodEnd : at;
  if (cancelAt <= core.clock.now()) throw invalidParam("cancel_at", "cancel_at must be in the future.");
  if (subscription.cancel_at === cancelAt) return;
  subscription.cancel_at = cancelAt;
  subscription.cancel_at_period_end = cancelAt === periodEnd;
  subscription.canceled_at = core.clock.now();
  subscription.cancellation_details = { ...subscription.cancellation_details!, reason: "cancellation_requested" };
}

/**
 * Moves an item to another price. Within the same interval only the price
 * changes. A new interval restarts the billing cycle now and charges the new
 * price at once, less a credit for the unused part of the old period, which
 * is what Stripe does by default; the invoice it charged is returned.
 */
export function applyPriceSwitch(
  core: EmulatorCore,
  subscription: SubscriptionObject,
  itemId: string,
  price: PriceObject,
): InvoiceObject | undefined {
  assertNotCanceled(subscription);
  const item = subscription.items.data.find((candidate) => candidate.id === itemId);
  if (!item) throw invalidParam("items[0][id]", `The subscription ${subscription.id} has no item ${itemId}.`);
  if (!price.recurring) throw invalidParam("items[0][price]", `The price ${price.id} is not recurring.`);
  if (!price.active) throw invalidParam("items[0][price]", `The price ${price.id} is inactive.`);
  if (item.price.id === price.id) return undefined;
  const now = core.clock.now();
  const oldPrice = item.price;
  item.price = structuredClone(price);
  item.plan = planFromPrice(price);
  const sameCycle =
    oldPrice.recurring?.interval === price.recurring.interval &&
    oldPrice.recurring.interval_count === price.recurring.interval_count;
  // During a trial nothing has been paid: the trial runs on, and its end charges the new price.
  if (sameCycle || subscription.status === "trialing") return undefined;

  const quantity = item.quantity ?? 1;
  const periodLength = item.current_period_end - item.current_period_start;
  const unusedFrom = Math.max(now, item.current_period_start);
  const unused = Math.max(0, item.current_period_end - unusedFrom);
  const credit = periodLength > 0 ? Math.round(((oldPrice.unit_amount ?? 0) * quantity * unused) / periodLength) : 0;
  const oldPeriod = { start: unusedFrom, end: item.current_period_end };
  item.current_period_start = now;
  item.current_period_end = periodEndFrom(now, price);
  subscription.billing_cycle_anchor = now;
  if (subscription.cancel_at_period_end) subscription.cancel_at = item.current_period_end;
  const invoice = createInvoice(core, {
    subscription,
    billingReason: "subscription_update",
    paid: true,
    created: now,
    period: { start: now, end: now },
    lines: [
      {
        price: oldPrice,
        quantity,
        amount: -credit,
        description: `Unused time on ${quantity} × ${productName(core.state, oldPrice)} after ${longDate(now)}`,
        period: oldPeriod,
        proration: true,
        subscriptionItem: item.id,
      },
      {
        price,
        quantity,
        amount: (price.unit_amount ?? 0) * quantity,
        description: lineDescription(core.state, price, quantity),
        period: { start: item.current_period_start, end: item.current_period_end },
        proration: false,
        subscriptionItem: item.id,
      },
    ],
    discounts: currentDiscounts(core, subscription, now),
  });
  subscription.latest_invoice = invoice.id;
  return invoice;
}

/** Ends the subscription now (DELETE /v1/subscriptions/:id, or a deleted customer). */
export function cancelNow(core: EmulatorCore, subscription: SubscriptionObject, cause: Cause): void {
  if (subscription.status === "canceled") throw invalidRequest("This subscription has already been canceled.");
  const now = core.clock.now();
  subscription.status = "canceled";
  subscription.canceled_at = now;
  subscription.ended_at = now;
  subscription.cancellation_details = { ...subscription.cancellation_details!, reason: "cancellation_requested" };
  emitEvent(core, "customer.subscription.deleted", subscription, { cause });
}
