// invoice.payment_failed: a renewal failed. The subscription turns past_due
// (re-read from Stripe), which starts the reader's grace period.
import type Stripe from "stripe";
import { invoiceIdOf, readInvoice } from "./record-invoice";
import { NOTHING_TO_WRITE, type StripeWrite } from "./stripe-write";

export async function invoicePaymentFailed(event: Stripe.Event): Promise<StripeWrite> {
  const invoiceId = event.type === "invoice.payment_failed" ? invoiceIdOf(event) : null;
  return invoiceId ? readInvoice(invoiceId) : NOTHING_TO_WRITE;
}
