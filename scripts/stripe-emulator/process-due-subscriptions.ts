// What happens to subscriptions as the emulator clock passes their dates:
// a period that ends renews (a new period and a paid invoice, or a failed
// charge that leaves the subscription past_due), and a subscription due to
// cancel ends. Due work runs in time order, so advancing a year over a
// monthly plan renews it twelve times, and each event is dated when it
// would have happened rather than when the clock was moved.
import { nextPeriodEnd } from "./billing-periods";
import { createInvoice, periodLine } from "./create-invoice";
import { emitEvent } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer } from "./emulator-state";
import { firstItem } from "./subscription-changes";
import type { SubscriptionObject } from "./stripe-objects";

type DueWork = { subscription: SubscriptionObject; at: number; kind: "cancel" | "renew" };

function dueWork(subscription: SubscriptionObject, now: number): DueWork | undefined {
  if (subscription.status === "canceled" || subscription.status === "incomplete_expired") return undefined;
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

function renewSubscription(core: EmulatorCore, subscription: SubscriptionObject, at: number): void {
  const { state } = core;
  const before = structuredClone(subscription);
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
  let changes = 0;
  for (;;) {
    let next: DueWork | undefined;
    for (const subscription of Object.values(core.state.subscriptions)) {
      const work = dueWork(subscription, now);
      if (work && (!next || work.at < next.at)) next = work;
    }
    if (!next) return changes;
    if (next.kind === "cancel") endSubscription(core, next.subscription, next.at);
    else renewSubscription(core, next.subscription, next.at);
    changes += 1;
  }
}
