// checkout.session.completed: the reader paid. Links the Stripe customer to
// the reader named by client_reference_id and stores the new subscription.
import type Stripe from "stripe";
import type { Prisma } from "@/lib/db/prisma";
import { stripe } from "../stripe-client";
import { idOf } from "../stripe-id";
import { syncSubscription } from "../subscription-sync";

export async function checkoutSessionCompleted(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<void> {
  if (event.type !== "checkout.session.completed") return;
  const session = await stripe().checkout.sessions.retrieve(event.data.object.id);
  const customer = idOf(session.customer);
  if (session.client_reference_id && customer) {
    await tx.user.updateMany({
      where: { id: session.client_reference_id, stripeCustomerId: null },
      data: { stripeCustomerId: customer },
    });
  }
  const subscription = idOf(session.subscription);
  if (subscription) await syncSubscription(tx, subscription);
}
