// What a webhook handler hands back: the writes to make, in the transaction
// that also records the event. The handler reads everything it needs from
// Stripe before that transaction opens (lib/billing/stripe-sync-version.ts).
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";

export type StripeWrite = (tx: Prisma.TransactionClient) => Promise<void>;

/** Reads from Stripe (no transaction open); resolves to the writes. */
export type EventHandler = (event: Stripe.Event) => Promise<StripeWrite>;

export const NOTHING_TO_WRITE: StripeWrite = async () => {};
