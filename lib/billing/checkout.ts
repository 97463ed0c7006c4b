// Starting a purchase: a Stripe Checkout Session in subscription mode. It
// grants nothing; the webhook does, once Stripe says the payment went
// through. A signed-in reader pays as their own Stripe customer; a visitor
// chooses a plan first and gives their address on Checkout's page, and the
// webhook gives the subscription to the account of that address
// (subscription-owner.ts). Either way the session remembers where the buyer
// came from, so the return brings them back to it.
import type { Reader } from "@/lib/auth/get-reader";
import { publicUrl } from "@/lib/config/env";
import { ensureStripeCustomer } from "./customers";
import { listPlans, type PlanKey } from "./plans";
import { DEFAULT_RETURN_PATH, subscribePath, type ReturnTarget } from "./return-target";
import { stripe } from "./stripe-client";

// A double click, or a reload of the form, within this window reuses the
// session made by the first click (Stripe keeps idempotency keys for a day).
const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000;

export type CheckoutStart = {
  planKey: PlanKey;
  returnTo: ReturnTarget | null;
  /** The hash of the nonce set in the visitor's cookie (checkout-nonce.ts); only without a reader. */
  nonceHash?: string;
};

export async function createCheckoutSession(
  reader: Reader | null,
  { planKey, returnTo, nonceHash }: CheckoutStart,
  now = new Date(),
): Promise<string> {
  const plan = (await listPlans()).find((candidate) => candidate.key === planKey);
  if (!plan) throw new Error(`the ${planKey} plan is not configured in Stripe (lookup key missing or inactive)`);
  const window = Math.floor(now.getTime() / IDEMPOTENCY_WINDOW_MS);
  const metadata: Record<string, string> = { plan: plan.key, returnTo: returnTo?.path ?? DEFAULT_RETURN_PATH };
  const urls = {
    success_url: `${publicUrl()}/subscribe/return?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${publicUrl()}${subscribePath(returnTo, { canceled: "1" })}`,
  };
  const line_items = [{ price: plan.priceId, quantity: 1 }];
  if (!reader) {
    if (!nonceHash) throw new Error("a visitor's checkout needs the hash of its browser's nonce");
    // No customer and no customer_email: in subscription mode Checkout asks
    // for the address and creates the customer with it.
    const session = await stripe().checkout.sessions.create(
      { mode: "subscription", line_items, metadata: { ...metadata, nonceHash }, ...urls },
      { idempotencyKey: `folio-checkout-visitor-${nonceHash}-${plan.key}-${window}-${returnTo?.from ?? ""}` },
    );
    if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
    return session.url;
  }
  const customer = await ensureStripeCustomer(reader);
  const session = await stripe().checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      client_reference_id: reader.id,
      line_items,
      subscription_data: { metadata: { userId: reader.id } },
      metadata: { ...metadata, userId: reader.id },
      ...urls,
    },
    // The return target is part of the key: the same plan bought from two
    // articles within the window are two different sessions.
    { idempotencyKey: `folio-checkout-${reader.id}-${plan.key}-${window}-${returnTo?.from ?? ""}` },
  );
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}
