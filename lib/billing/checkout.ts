// Starting a purchase: a Stripe Checkout Session in subscription mode for
// the signed-in reader. It grants nothing; the webhook does, once Stripe
// says the payment went through.
import type { Reader } from "@/lib/auth/get-reader";
import { publicUrl } from "@/lib/config/env";
import { ensureStripeCustomer } from "./customers";
import { listPlans, type PlanKey } from "./plans";
import { stripe } from "./stripe-client";

// A double click, or a reload of the form, within this window reuses the
// session made by the first click (Stripe keeps idempotency keys for a day).
const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000;

export async function createCheckoutSession(reader: Reader, planKey: PlanKey, now = new Date()): Promise<string> {
  const plan = (await listPlans()).find((candidate) => candidate.key === planKey);
  if (!plan) throw new Error(`the ${planKey} plan is not configured in Stripe (lookup key missing or inactive)`);
  const customer = await ensureStripeCustomer(reader);
  const window = Math.floor(now.getTime() / IDEMPOTENCY_WINDOW_MS);
  const session = await stripe().checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      client_reference_id: reader.id,
      line_items: [{ price: plan.priceId, quantity: 1 }],
      subscription_data: { metadata: { userId: reader.id } },
      metadata: { userId: reader.id, plan: plan.key },
      success_url: `${publicUrl()}/subscribe/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${publicUrl()}/subscribe?canceled=1`,
    },
    { idempotencyKey: `folio-checkout-${reader.id}-${plan.key}-${window}` },
  );
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}
