// Pays an open invoice, as a customer who fixes their card would: the
// invoice is paid and a past_due subscription it belongs to is active again.
// Only the test controls call it; there is no card update page.
import { emitEvent } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer } from "./emulator-state";
import { invalidRequest } from "./stripe-error";
import type { InvoiceObject } from "./stripe-objects";

export function payOpenInvoice(core: EmulatorCore, invoice: InvoiceObject): void {
  if (invoice.status !== "open") throw invalidRequest(`Invoice ${invoice.id} is ${invoice.status}, not open.`);
  const now = core.clock.now();
  invoice.status = "paid";
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempt_count += 1;
  invoice.next_payment_attempt = null;
  invoice.auto_advance = false;
  invoice.status_transitions = { ...invoice.status_transitions, paid_at: now };
  const customer = liveCustomer(core.state, invoice.customer);
  if (customer) customer.delinquent = false;
  emitEvent(core, "invoice.paid", invoice);

  const subscription = core.state.subscriptions[invoice.parent.subscription_details.subscription];
  if (subscription?.status === "past_due" && subscription.latest_invoice === invoice.id) {
    const before = structuredClone(subscription);
    subscription.status = "active";
    emitEvent(core, "customer.subscription.updated", subscription, { before });
  }
}
