// What a successful payment on the hosted Checkout page does: the customer
// (created now if the session had none), an active subscription, its first
// invoice, paid, and the session marked complete, then the three events
// apps listen to, in the order Stripe sends them.
import { createCustomer } from "./create-customer";
import { createInvoice, periodLine } from "./create-invoice";
import { createSubscription } from "./create-subscription";
import { emitEvent } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer } from "./emulator-state";
import type { CheckoutSessionObject } from "./stripe-objects";
import { firstItem } from "./subscription-changes";

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
  });
  const item = firstItem(subscription);
  const invoice = createInvoice(core, {
    subscription,
    billingReason: "subscription_create",
    paid: true,
    created: now,
    period: { start: now, end: now },
    lines: [periodLine(state, item, price, quantity)],
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
