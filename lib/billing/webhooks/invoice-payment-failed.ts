// invoice.payment_failed: a renewal failed. The subscription turns past_due
// (re-read from Stripe), which starts the reader's grace period.
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";
import { invoiceIdOf, recordInvoice } from "./record-invoice";

export async function invoicePaymentFailed(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<void> {
  const invoiceId = event.type === "invoice.payment_failed" ? invoiceIdOf(event) : null;
  if (invoiceId) await recordInvoice(tx, invoiceId);
}
