// Starting a purchase: a Stripe Checkout Session in subscription mode. It
// grants nothing; the webhook does, once Stripe says the payment went
// through. A signed-in reader pays as their own Stripe customer; a visitor
// chooses a plan first and gives their address on Checkout's page, and the
// webhook gives the subscription to the account of that address
// (subscription-owner.ts). Either way the session remembers where the buyer
// came from, so the return brings them back to it, and the subscription
// remembers the article it was bought from, for the insights.
//
// What the buyer pays (offers.ts): an offer link's discount, applied as its
// promotion code, or its trial; without an offer, the free trial of
// TRIAL_DAYS, if any and if the reader never subscribed (default-trial.ts),
// and a field on Checkout's page to type a promotion code (Stripe takes
// `discounts` or `allow_promotion_codes`, not both).
import Stripe from "stripe";
import type { Reader } from "@/lib/auth/get-reader";
import { LRUCache } from "lru-cache";
import { publicUrl } from "@/lib/config/env";
import { countEventNow } from "@/lib/insights/count-event";
import { EVENT_METRICS } from "@/lib/insights/insight-metrics";
import { ensureStripeCustomer } from "./customers";
import { defaultTrialDays } from "./default-trial";
import type { Offer } from "./offers";
import { offerAppliesTo } from "./offer-terms";
import { listPlans, type Plan, type PlanKey } from "./plans";
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
  /** The article the buyer came from, when `returnTo` names one. */
  articleId?: string | null;
  /** An offer link's offer, looked up fresh (offers.ts); it must apply to the plan. */
  offer?: Offer | null;
};

/** Stripe refused the offer's code (used up, say, since the page was shown): nothing was started. */
export class OfferRefusedError extends Error {}

type PriceTerms = Pick<
  Stripe.Checkout.SessionCreateParams,
  "discounts" | "allow_promotion_codes" | "subscription_data"
>;

/** The offer's discount or trial, or the default trial (defaultTrialDays) and the promotion code field. */
function priceTerms(
  plan: Plan,
  offer: Offer | null | undefined,
  metadata: Record<string, string>,
  defaultTrial: number,
): PriceTerms {
  if (offer && !offerAppliesTo(offer, plan))
    throw new OfferRefusedError(`the offer ${offer.code} is not for ${plan.key}`);
  const subscriptionData = offer ? { metadata: { ...metadata, offer: offer.code } } : { metadata };
  if (offer?.kind === "discount") {
    return { discounts: [{ promotion_code: offer.promotionCodeId }], subscription_data: subscriptionData };
  }
  const trialDays = offer?.kind === "trial" ? offer.trialDays : defaultTrial;
  return {
    allow_promotion_codes: true,
    subscription_data: { ...subscriptionData, ...(trialDays > 0 ? { trial_period_days: trialDays } : {}) },
  };
}

/** Creates the session; Stripe's refusal of the offer's code becomes an OfferRefusedError. */
async function createSession(
  params: Stripe.Checkout.SessionCreateParams,
  idempotencyKey: string,
): Promise<Stripe.Checkout.Session> {
  try {
    return await stripe().checkout.sessions.create(params, { idempotencyKey });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.param?.startsWith("discounts")) {
      throw new OfferRefusedError(error.message);
    }
    throw error;
  }
}

// Sessions counted as checkouts started: a double click or a reload reuses
// the session (the idempotency key above) and is not a second checkout. Per
// server; a reload that lands on another server within the window counts again.
const counted = new LRUCache<string, true>({ max: 10_000, ttl: IDEMPOTENCY_WINDOW_MS });

async function countCheckout(sessionId: string, articleId: string | null | undefined, now: Date): Promise<void> {
  if (counted.has(sessionId)) return;
  counted.set(sessionId, true);
  // The session is open at Stripe: a count that cannot be written must not stop the buyer.
  await countEventNow(EVENT_METRICS.checkout, articleId ?? null, now).catch((error: unknown) => {
    console.error("checkout not counted:", error instanceof Error ? error.message : error);
  });
}

export async function createCheckoutSession(
  reader: Reader | null,
  { planKey, returnTo, nonceHash, articleId, offer }: CheckoutStart,
  now = new Date(),
): Promise<string> {
  const plan = (await listPlans()).find((candidate) => candidate.key === planKey);
  if (!plan) throw new Error(`the ${planKey} plan is not configured in Stripe (lookup key missing or inactive)`);
  const window = Math.floor(now.getTime() / IDEMPOTENCY_WINDOW_MS);
  const metadata: Record<string, string> = {
    plan: plan.key,
    returnTo: returnTo?.path ?? DEFAULT_RETURN_PATH,
    ...(offer ? { offer: offer.code } : {}),
  };
  // Cancelling keeps the offer: back on /subscribe, it is still the one shown.
  const urls = {
    success_url: `${publicUrl()}/subscribe/return?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${publicUrl()}${subscribePath(returnTo, { ...(offer ? { offer: offer.code } : {}), canceled: "1" })}`,
  };
  const line_items = [{ price: plan.priceId, quantity: 1 }];
  // Read back by the subscription's sync, which counts where it began (subscription-sync.ts).
  const from: Record<string, string> = articleId ? { articleId } : {};
  // Another offer is another session; promotion code ids are short, unlike codes.
  const keyTail = `${window}-${returnTo?.from ?? ""}-${offer?.promotionCodeId ?? ""}`;
  if (!reader) {
    if (!nonceHash) throw new Error("a visitor's checkout needs the hash of its browser's nonce");
    // No customer and no customer_email: in subscription mode Checkout asks
    // for the address and creates the customer with it.
    const session = await createSession(
      {
        mode: "subscription",
        line_items,
        ...priceTerms(plan, offer, from, await defaultTrialDays(null)),
        metadata: { ...metadata, nonceHash },
        ...urls,
      },
      `folio-checkout-visitor-${nonceHash}-${plan.key}-${keyTail}`,
    );
    if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
    await countCheckout(session.id, articleId, now);
    return session.url;
  }
  const customer = await ensureStripeCustomer(reader);
  const session = await createSession(
    {
      mode: "subscription",
      customer,
      client_reference_id: reader.id,
      line_items,
      ...priceTerms(plan, offer, { ...from, userId: reader.id }, await defaultTrialDays(reader)),
      metadata: { ...metadata, userId: reader.id },
      ...urls,
    },
    // The return target is part of the key: the same plan bought from two
    // articles within the window are two different sessions.
    `folio-checkout-${reader.id}-${plan.key}-${keyTail}`,
  );
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  await countCheckout(session.id, articleId, now);
  return session.url;
}
