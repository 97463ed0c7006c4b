// Dispatches a verified event to its handler, at most once: the event id is
// recorded under a unique key in the same transaction as the handler's
// effect, so a replay, or a second delivery racing the first, changes nothing.
// The handler reads from Stripe first, with no transaction open; the
// transaction that follows only writes, and is run again from a fresh read
// if another sync stored the same object meanwhile (stripe-sync-version.ts).
import type Stripe from "stripe";
import { db } from "@/lib/db/prisma";
import { log } from "@/lib/observability/log";
import { retryStaleReads, STRIPE_WRITE_TRANSACTION } from "../stripe-sync-version";
import { UnattributableSubscriptionError } from "../subscription-owner";
import { checkoutSessionCompleted } from "./checkout-session-completed";
import { customerSubscriptionChanged } from "./customer-subscription-changed";
import { customerSubscriptionTrialWillEnd } from "./customer-subscription-trial-will-end";
import { invoicePaid } from "./invoice-paid";
import { invoicePaymentFailed } from "./invoice-payment-failed";
import type { EventHandler } from "./stripe-write";

const HANDLERS: Record<string, EventHandler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "customer.subscription.created": customerSubscriptionChanged,
  "customer.subscription.updated": customerSubscriptionChanged,
  "customer.subscription.deleted": customerSubscriptionChanged,
  "customer.subscription.trial_will_end": customerSubscriptionTrialWillEnd,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
};

/**
 * "unowned": about a subscription that belongs to no reader here (its account
 * was deleted, or another app on the same Stripe account made it). Retrying
 * would never change that, and a failing endpoint is one Stripe stops
 * calling: the event is recorded as handled and a warning logged.
 */
export type HandleResult = "processed" | "duplicate" | "ignored" | "unowned";

async function recorded(eventId: string): Promise<boolean> {
  return (await db().stripeEvent.findUnique({ where: { id: eventId }, select: { id: true } })) !== null;
}

export async function handleEvent(event: Stripe.Event): Promise<HandleResult> {
  const handler = HANDLERS[event.type];
  // Stripe retries anything but 2xx for days: unhandled types are accepted.
  if (!handler) return "ignored";
  return retryStaleReads(async () => {
    // A replay is answered without asking Stripe anything; the insert below
    // still decides between two deliveries that both got past this.
    if (await recorded(event.id)) return "duplicate";
    const write = await handler(event);
    return db().$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
      if (inserted === 0) return "duplicate" as const;
      try {
        await write(tx);
      } catch (error) {
        // Thrown before anything was written (no SQL failed): the transaction
        // still commits, with the event recorded.
        if (!(error instanceof UnattributableSubscriptionError)) throw error;
        log("warn", "stripe-event-unowned", { type: event.type, eventId: event.id, message: error.message });
        return "unowned" as const;
      }
      return "processed" as const;
    }, STRIPE_WRITE_TRANSACTION);
  });
}
