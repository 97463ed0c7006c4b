// What happens to subscriptions as the emulator clock passes their dates:
// a period that ends renews (a new period and a paid invoice, or a failed
// charge that leaves the subscription past_due), a trial that ends turns
// into a paid period the same way (trialing becomes active), three days
// before a trial ends `customer.subscription.trial_will_end` goes out (at
// once for a shorter trial), and a subscription due to cancel ends (a trial
// cancelled before its end, with no charge). Coupons and promotion codes
// whose date passed turn off. Due work runs in time order, so advancing a
// year over a monthly plan renews it twelve times, and each event is dated
// when it would have happened rather than when the clock was moved.
import { nextPeriodEnd } from "./billing-periods";
import { createInvoice, periodLine } from "./create-invoice";
import { emitEvent } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer, type EmulatorState } from "./emulator-state";
import { expireOffers } from "./offer-rules";
import { firstItem } from "./subscription-changes";
import type { SubscriptionObject } from "./stripe-objects";
import { currentDiscounts } from "./subscription-discounts";

type DueWork = { subscription: SubscriptionObject; at: number; kind: "cancel" | "renew" | "trial_will_end" };

const TRIAL_REMINDER_SECONDS = 3 * 86_400;

/** Each trial is announced once; a trial moved to another end is a new one. */
const trialKey = (subscription: SubscriptionObject) => `${subscription.id}:${subscription.trial_end}`;

function trialWillEnd(state: EmulatorState, subscription: SubscriptionObject, now: number): DueWork | undefined {
  const { trial_start: start, trial_end: end } = subscription;
  if (subscription.status !== "trialing" || start === null || end === null) return undefined;
  if (state.trialWillEndSent.includes(trialKey(subscription))) return undefined;
  const at = Math.max(start, end - TRIAL_REMINDER_SECONDS);
  return at <= now ? { subscription, at, kind: "trial_will_end" } : undefined;
}

function dueWork(state: EmulatorState, subscription: SubscriptionObject, now: number): DueWork | undefined {
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") return undefined;
  const change = dueChange(subscription, now);
  const reminder = trialWillEnd(state, subscription, now);
  // The announcement comes before the trial's end, unless the subscription ended earlier.
  return reminder && (!change || reminder.at <= change.at) ? reminder : change;
}

function dueChange(subscription: SubscriptionObject, now: number): DueWork | undefined {
  const periodEnd = firstItem(subscription).current_period_end;
  // A past_due subscription waits for its open invoice (see pay-open-invoice.ts) instead of renewing again.
  const renewable = subscription.status === "active" || subscription.status === "trialing";
  const cancelAt = subscription.cancel_at;
  const renewDue = renewable && periodEnd <= now;
  if (cancelAt !== null && cancelAt <= now && (!renewDue || cancelAt <= periodEnd)) {
    return { subscription, at: cancelAt, kind: "cancel" };
  }
  return renewDue ? { subscription, at: periodEnd, kind: "renew" } : undefined;
}

function endSubscription(core: EmulatorCore, subscription: SubscriptionObject, at: number): void {
  subscription.status = "canceled";
  subscription.ended_at = at;
  subscription.canceled_at ??= at;
  emitEvent(core, "customer.subscription.deleted", subscription, { created: at });
}

function announceTrialEnd(core: EmulatorCore, subscription: SubscriptionObject, at: number): void {
  core.state.trialWillEndSent.push(trialKey(subscription));
  emitEvent(core, "customer.subscription.trial_will_end", subscription, { created: at });
}

function renewSubscription(core: EmulatorCore, subscription: SubscriptionObject, at: number): void {
  const { state } = core;
  const before = structuredClone(subscription);
  // The end of a trial: what follows is paid for.
  if (subscription.status === "trialing") subscription.status = "active";
  const item = firstItem(subscription);
  const price = item.price;
  const recurring = price.recurring!;
  const endedPeriod = { start: item.current_period_start, end: item.current_period_end };
  item.current_period_start = at;
  item.current_period_end = nextPeriodEnd(
    subscription.billing_cycle_anchor,
    recurring.interval,
    at,
    recurring.interval_count,
  );

  const failIndex = state.failNextPayment.indexOf(subscription.customer);
  const fails = failIndex !== -1;
  if (fails) state.failNextPayment.splice(failIndex, 1);
  const quantity = item.quantity ?? 1;
  const invoice = createInvoice(core, {
    subscription,
    billingReason: "subscription_cycle",
    paid: !fails,
    created: at,
    // Stripe dates a renewal invoice with the period that just ended.
    period: endedPeriod,
    lines: [periodLine(state, item, price, quantity)],
    discounts: currentDiscounts(core, subscription, at),
  });
  subscription.latest_invoice = invoice.id;
  if (fails) {
    subscription.status = "past_due";
    const customer = liveCustomer(state, subscription.customer);
    if (customer) customer.delinquent = true;
  }
  emitEvent(core, fails ? "invoice.payment_failed" : "invoice.paid", invoice, { created: at });
  emitEvent(core, "customer.subscription.updated", subscription, { before, created: at });
}

/** Processes everything due up to the clock's now; returns how many changes it made. */
export function processDueSubscriptions(core: EmulatorCore): number {
  const now = core.clock.now();
  let changes = expireOffers(core);
  for (;;) {
    let next: DueWork | undefined;
    for (const subscription of Object.values(core.state.subscriptions)) {
      const work = dueWork(core.state, subscription, now);
      if (work && (!next || work.at < next.at)) next = work;
    }
    if (!next) return changes;
    if (next.kind === "cancel") endSubscription(core, next.subscription, next.at);
    else if (next.kind === "trial_will_end") announceTrialEnd(core, next.subscription, next.at);
    else renewSubscription(core, next.subscription, next.at);
    changes += 1;
  }
}
