// Builds a new subscription with one item, its first period starting now.
// Stripe puts a full copy of the price (and the legacy plan) on each item,
// and since 2025 the period dates live on the item, not the subscription.
// With a trial it is `trialing`: its first period is the trial, which ends
// at `trial_end`, the billing cycle's anchor, when the first charge is made
// (process-due-subscriptions.ts).
import { addIntervals } from "./billing-periods";
import type { EmulatorCore } from "./emulator-core";
import { newId } from "./new-id";
import type { Metadata, PlanObject, PriceObject, SubscriptionItemObject, SubscriptionObject } from "./stripe-objects";

export function planFromPrice(price: PriceObject): PlanObject {
  const recurring = price.recurring!;
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: recurring.usage_type,
  };
}

/** The end of a period that starts at `start`, which is also the new billing anchor. */
export function periodEndFrom(start: number, price: PriceObject): number {
  const recurring = price.recurring!;
  return addIntervals(start, recurring.interval, 1, recurring.interval_count);
}

export function createSubscription(
  core: EmulatorCore,
  input: { customer: string; price: PriceObject; quantity: number; metadata: Metadata; trialEnd?: number },
): SubscriptionObject {
  const now = core.clock.now();
  const id = newId("sub");
  const trialEnd = input.trialEnd ?? null;
  const item: SubscriptionItemObject = {
    id: newId("si", 14),
    object: "subscription_item",
    billing_thresholds: null,
    created: now,
    current_period_start: now,
    current_period_end: trialEnd ?? periodEndFrom(now, input.price),
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(input.price),
    price: structuredClone(input.price),
    quantity: input.quantity,
    subscription: id,
    tax_rates: [],
  };
  const subscription: SubscriptionObject = {
    id,
    object: "subscription",
    application: null,
    billing_cycle_anchor: trialEnd ?? now,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: now,
    currency: input.price.currency,
    customer: input.customer,
    days_until_due: null,
    default_payment_method: null,
    description: null,
    discounts: [],
    ended_at: null,
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata,
    pause_collection: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: trialEnd === null ? "active" : "trialing",
    test_clock: null,
    trial_end: trialEnd,
    trial_start: trialEnd === null ? null : now,
  };
  core.state.subscriptions[id] = subscription;
  return subscription;
}
