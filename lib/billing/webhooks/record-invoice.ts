// Invoices are kept as payment records (also after a reader deletes their
// account, without the person). Re-read from Stripe like subscriptions, and
// stored the same way: only if no other sync stored the invoice meanwhile.
import type Stripe from "stripe";
import { db } from "@/lib/db/prisma";
import { userIdForCustomer } from "../customers";
import { stripe } from "../stripe-client";
import { idOf } from "../stripe-id";
import { expectFreshRead } from "../stripe-sync-version";
import { readSubscription, storeSubscription } from "../subscription-sync";
import { NOTHING_TO_WRITE, type StripeWrite } from "./stripe-write";

/** Reads the invoice, and its subscription, from Stripe; resolves to the writes that store both. */
export async function readInvoice(invoiceId: string): Promise<StripeWrite> {
  const stored = await db().invoice.findUnique({ where: { id: invoiceId }, select: { syncVersion: true } });
  const invoice = await stripe().invoices.retrieve(invoiceId);
  const id = invoice.id;
  if (!id) return NOTHING_TO_WRITE;
  const seenVersion = stored?.syncVersion ?? null;
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const subscription = subscriptionId ? await readSubscription(subscriptionId) : null;
  const customer = idOf(invoice.customer);
  return async (tx) => {
    const fields = {
      userId: customer ? await userIdForCustomer(customer, tx) : null,
      subscriptionId,
      status: invoice.status ?? "draft",
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      currency: invoice.currency,
      paidAt: invoice.status_transitions?.paid_at ? new Date(invoice.status_transitions.paid_at * 1000) : null,
    };
    const written =
      seenVersion === null
        ? await tx.invoice.createMany({ data: [{ id, ...fields, syncVersion: 1 }], skipDuplicates: true })
        : await tx.invoice.updateMany({
            where: { id, syncVersion: seenVersion },
            data: { ...fields, syncVersion: { increment: 1 } },
          });
    expectFreshRead(written.count, `invoice ${id}`);
    if (subscription) await storeSubscription(tx, subscription);
  };
}

export function invoiceIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string };
  return object.object === "invoice" && object.id ? object.id : null;
}
