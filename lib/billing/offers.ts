// Offers: a Stripe promotion code that an offer link (/subscribe?offer=CODE)
// names. A code whose metadata has `trial_days` is a trial offer: Checkout
// starts with that many free days, in place of TRIAL_DAYS, and the code's
// coupon is not applied (every promotion code needs one; see the emulator's
// READ-30). Any other code is a discount offer: Checkout applies it, and
// Stripe counts the redemption and enforces its limits. `plan` in the
// metadata ("monthly" or "annual") limits an offer to that plan.
//
// Codes are looked up by their code (Stripe ignores its case) and the answer
// kept for a minute per server, so a link shared widely costs Stripe one
// lookup a minute; the checkout looks again, fresh, before it applies one.
import { LRUCache } from "lru-cache";
import { PLAN_KEYS, type PlanKey } from "./plans";
import { stripe, type Stripe } from "./stripe-client";

const MAX_TRIAL_DAYS = 730;

export type CouponTerms = {
  percentOff: number | null;
  amountOff: number | null;
  /** The currency of amountOff; null for a percentage. */
  currency: string | null;
  duration: "once" | "repeating" | "forever";
  durationInMonths: number | null;
};

type OfferBase = {
  /** The code as Stripe spells it. */
  code: string;
  promotionCodeId: string;
  /** The plans it is for; null for every plan. */
  plans: PlanKey[] | null;
};

export type Offer =
  (OfferBase & { kind: "discount"; coupon: CouponTerms }) | (OfferBase & { kind: "trial"; trialDays: number });

export type OfferLookup =
  | { status: "ok"; offer: Offer }
  | { status: "unknown" }
  /** `endedAt`: when it ended, when Stripe says. */
  | { status: "expired"; endedAt: Date | null }
  | { status: "used-up" }
  | { status: "inactive" };

const cache = new LRUCache<string, OfferLookup>({ max: 1000, ttl: 60_000 });

function couponOf(promotion: Stripe.PromotionCode): Stripe.Coupon | null {
  const coupon = promotion.promotion.coupon;
  return coupon && typeof coupon === "object" ? coupon : null;
}

/** A coupon's terms; null for a duration Stripe may add that Folio cannot state. */
export function couponTerms(coupon: Stripe.Coupon): CouponTerms | null {
  const duration: string = coupon.duration;
  if (duration !== "once" && duration !== "repeating" && duration !== "forever") return null;
  return {
    percentOff: coupon.percent_off,
    amountOff: coupon.amount_off,
    currency: coupon.currency,
    duration,
    durationInMonths: coupon.duration_in_months,
  };
}

function plansOf(metadata: Stripe.Metadata | null): PlanKey[] | null {
  const plan = metadata?.plan;
  return PLAN_KEYS.includes(plan as PlanKey) ? [plan as PlanKey] : null;
}

/** An active code as an offer; null when its terms are not ones Folio can state (a malformed trial_days). */
function offerOf(promotion: Stripe.PromotionCode): Offer | null {
  const base = { code: promotion.code, promotionCodeId: promotion.id, plans: plansOf(promotion.metadata) };
  const trialDays = promotion.metadata?.trial_days;
  if (trialDays !== undefined) {
    const days = /^\d{1,3}$/.test(trialDays) ? Number(trialDays) : NaN;
    return days >= 1 && days <= MAX_TRIAL_DAYS ? { ...base, kind: "trial", trialDays: days } : null;
  }
  const coupon = couponOf(promotion);
  const terms = coupon ? couponTerms(coupon) : null;
  return terms ? { ...base, kind: "discount", coupon: terms } : null;
}

const usedUp = (item: { max_redemptions: number | null; times_redeemed: number }) =>
  item.max_redemptions !== null && item.times_redeemed >= item.max_redemptions;

/**
 * Why an inactive code cannot be used, as far as Stripe's fields tell: used
 * up, or ended (a code with an end date: at that date once this server's
 * clock has passed it; Stripe's clock, a test clock say, may be ahead), or
 * switched off.
 */
function whyInactive(promotion: Stripe.PromotionCode, now: Date): OfferLookup {
  const coupon = couponOf(promotion);
  if (usedUp(promotion) || (coupon && usedUp(coupon))) return { status: "used-up" };
  const ends = [promotion.expires_at, coupon?.redeem_by ?? null].filter((end): end is number => end !== null);
  if (ends.length === 0) return { status: "inactive" };
  const end = Math.min(...ends) * 1000;
  return { status: "expired", endedAt: end <= now.getTime() ? new Date(end) : null };
}

async function lookUp(code: string, now: Date): Promise<OfferLookup> {
  const found = await stripe().promotionCodes.list({ code, limit: 10, expand: ["data.promotion.coupon"] });
  // A code restricted to one customer is not for an offer link.
  const candidates = found.data.filter((promotion) => promotion.customer === null);
  const active = candidates.find((promotion) => promotion.active);
  if (active) {
    const offer = offerOf(active);
    return offer ? { status: "ok", offer } : { status: "inactive" };
  }
  // Stripe lists newest first: the latest code by that name says why it ended.
  const latest = candidates[0];
  return latest ? whyInactive(latest, now) : { status: "unknown" };
}

/**
 * The offer a code names, from the cache unless `fresh`. Throws when Stripe
 * cannot be asked (the caller shows the plain plans); `code` must have passed
 * offerCodeFrom.
 */
export async function lookupOffer(code: string, options: { fresh?: boolean; now?: Date } = {}): Promise<OfferLookup> {
  const key = code.toLowerCase();
  if (!options.fresh) {
    const cached = cache.get(key);
    if (cached) return cached;
  }
  const result = await lookUp(code, options.now ?? new Date());
  cache.set(key, result);
  return result;
}
