// What a successful payment on the hosted Checkout page does: the customer
// (created now if the session had none), an active subscription (trialing,
// with a trial) with the session's discount, its first invoice, paid (at $0
// for a trial, less the discount otherwise), and the session marked
// complete, then the three events apps listen to, in the order Stripe sends
// them.
import { createCustomer } from "./create-customer";
import { createInvoice, periodLine, type InvoiceLine } from "./create-invoice";
import { createSubscription } from "./create-subscription";
import { emitEvent } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer, type CheckoutSessionDetails } from "./emulator-state";
import { productName } from "./price-labels";
import { redeemSessionDiscount } from "./session-discount";
import type { CheckoutSessionObject } from "./stripe-objects";
import { firstItem } from "./subscription-changes";
import { currentDiscounts } from "./subscription-discounts";

function trialEnd(trial: CheckoutSessionDetails["trial"], now: number): number | undefined {
  if (!trial) return undefined;
  return "days" in trial ? now + trial.days * 86_400 : trial.end;
}

export function completeCheckout(core: EmulatorCore, session: CheckoutSessionObject, email: string): void {
  const { state } = core;
  const details = state.checkoutSessionDetails[session.id]!;
  const customer =
    (session.customer ? liveCustomer(state, session.customer) : undefined) ?? createCustomer(core, { email });
  const line = details.lineItems[0]!;
  const price = state.prices[line.price.id] ?? line.price;
  const quantity = line.quantity ?? 1;
  const now = core.clock.now();

  const subscription = createSubscription(core, {
    customer: customer.id,
    price,
    quantity,
    metadata: { ...details.subscriptionMetadata },
    trialEnd: trialEnd(details.trial, now),
  });
  redeemSessionDiscount(core, session, subscription);
  const item = firstItem(subscription);
  const charged = periodLine(state, item, price, quantity);
  // Stripe's first invoice of a trial: the trial as a line at $0.
  const firstLine: InvoiceLine =
    subscription.status === "trialing"
      ? { ...charged, amount: 0, description: `Trial period for ${productName(state, price)}` }
      : charged;
  const invoice = createInvoice(core, {
    subscription,
    billingReason: "subscription_create",
    paid: true,
    created: now,
    period: { start: now, end: now },
    lines: [firstLine],
    discounts: currentDiscounts(core, subscription, now),
  });
  subscription.latest_invoice = invoice.id;

  session.status = "complete";
  session.payment_status = "paid";
  session.customer = customer.id;
  session.subscription = subscription.id;
  session.invoice = invoice.id;
  session.url = null;
  session.customer_details = {
    address: null,
    business_name: null,
    email: customer.email ?? email,
    individual_name: null,
    name: customer.name ?? null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };

  emitEvent(core, "customer.subscription.created", subscription);
  emitEvent(core, "invoice.paid", invoice);
  emitEvent(core, "checkout.session.completed", session);
}
