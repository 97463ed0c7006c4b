// Dispatches a verified event to its handler, at most once: the event id is
// recorded under a unique key in the same transaction as the handler's
// effect, so a replay, or a second delivery racing the first, changes nothing.
import type Stripe from "stripe";
import { db, type Prisma } from "@/lib/db/prisma";
import { checkoutSessionCompleted } from "./checkout-session-completed";
import { customerSubscriptionChanged } from "./customer-subscription-changed";
import { invoicePaid } from "./invoice-paid";
import { invoicePaymentFailed } from "./invoice-payment-failed";

type Handler = (tx: Prisma.TransactionClient, event: Stripe.Event) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": customerSubscriptionChanged,
  "customer.subscription.updated": customerSubscriptionChanged,
  "customer.subscription.deleted": customerSubscriptionChanged,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
};

export type HandleResult = "processed" | "duplicate" | "ignored";

export async function handleEvent(event: Stripe.Event): Promise<HandleResult> {
  const handler = HANDLERS[event.type];
  // Stripe retries anything but 2xx for days: unhandled types are accepted.
  if (!handler) return "ignored";
  return db().$transaction(
    async (tx) => {
      const recorded = await tx.$executeRaw`
        INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
      if (recorded === 0) return "duplicate" as const;
      await handler(tx, event);
      return "processed" as const;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
