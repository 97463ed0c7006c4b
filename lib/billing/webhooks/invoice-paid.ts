// invoice.paid: a payment went through (the first one, or a renewal).
import type Stripe from "stripe";
import { invoiceIdOf, readInvoice } from "./record-invoice";
import { NOTHING_TO_WRITE, type StripeWrite } from "./stripe-write";

export async function invoicePaid(event: Stripe.Event): Promise<StripeWrite> {
  const invoiceId = event.type === "invoice.paid" ? invoiceIdOf(event) : null;
  return invoiceId ? readInvoice(invoiceId) : NOTHING_TO_WRITE;
}
