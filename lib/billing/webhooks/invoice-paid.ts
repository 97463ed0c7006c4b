// invoice.paid: a payment went through (the first one, or a renewal).
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";
import { invoiceIdOf, recordInvoice } from "./record-invoice";

export async function invoicePaid(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<void> {
  const invoiceId = event.type === "invoice.paid" ? invoiceIdOf(event) : null;
  if (invoiceId) await recordInvoice(tx, invoiceId);
}
