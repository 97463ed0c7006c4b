// Invoices are kept as payment records (also after a reader deletes their
// account, without the person). Re-read from Stripe like subscriptions.
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";
import { userIdForCustomer } from "../customers";
import { stripe } from "../stripe-client";
import { idOf } from "../stripe-id";
import { syncSubscription } from "../subscription-sync";

export async function recordInvoice(tx: Prisma.TransactionClient, invoiceId: string): Promise<void> {
  const invoice = await stripe().invoices.retrieve(invoiceId);
  if (!invoice.id) return;
  const customer = idOf(invoice.customer);
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const fields = {
    userId: customer ? await userIdForCustomer(customer, tx) : null,
    subscriptionId,
    status: invoice.status ?? "draft",
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    paidAt: invoice.status_transitions?.paid_at ? new Date(invoice.status_transitions.paid_at * 1000) : null,
  };
  await tx.invoice.upsert({ where: { id: invoice.id }, create: { id: invoice.id, ...fields }, update: fields });
  if (subscriptionId) await syncSubscription(tx, subscriptionId);
}

export function invoiceIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string };
  return object.object === "invoice" && object.id ? object.id : null;
}
