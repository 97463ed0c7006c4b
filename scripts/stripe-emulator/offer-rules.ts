// When a coupon or promotion code may be redeemed, and the error Stripe
// answers when it may not. A coupon stops being `valid` once its `redeem_by`
// has passed or it was redeemed `max_redemptions` times; a promotion code is
// `active` only while it is switched on, has not expired or been used up, and
// its coupon is valid. Neither comes back by itself, so the clock turns them
// off for good as it passes their dates (expireOffers), as Stripe shows them.
import type { EmulatorCore } from "./emulator-core";
import type { EmulatorState } from "./emulator-state";
import { formatAmount } from "./price-labels";
import { invalidParam, noSuchResource, StripeApiError } from "./stripe-error";
import type { CouponObject, PromotionCodeObject } from "./stripe-objects";

/** The coupon with this id, unless it was deleted. */
export function liveCoupon(state: EmulatorState, id: string): CouponObject | undefined {
  return state.deletedCoupons.includes(id) ? undefined : state.coupons[id];
}

const usedUp = (item: { max_redemptions: number | null; times_redeemed: number }) =>
  item.max_redemptions !== null && item.times_redeemed >= item.max_redemptions;

function couponUsable(coupon: CouponObject, now: number): boolean {
  return !(coupon.redeem_by !== null && coupon.redeem_by <= now) && !usedUp(coupon);
}

/** Turns off the coupons and promotion codes whose date has passed; returns how many changed. */
export function expireOffers(core: EmulatorCore): number {
  const now = core.clock.now();
  let changes = 0;
  for (const stored of Object.values(core.state.coupons)) {
    if (!stored.valid || couponUsable(stored, now)) continue;
    stored.valid = false;
    changes += 1;
  }
  for (const promotion of Object.values(core.state.promotionCodes)) {
    if (!promotion.active) continue;
    const coupon = liveCoupon(core.state, promotion.promotion.coupon);
    const expired = promotion.expires_at !== null && promotion.expires_at <= now;
    if (coupon?.valid && !expired && !usedUp(promotion)) continue;
    promotion.active = false;
    changes += 1;
  }
  return changes;
}

function expiredError(param: string, message: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", code: "coupon_expired", param, message });
}

/** Refuses a coupon that cannot be redeemed now, naming `param`. */
export function assertCouponRedeemable(core: EmulatorCore, id: string, param: string): CouponObject {
  const coupon = liveCoupon(core.state, id);
  if (!coupon) throw noSuchResource("coupon", id, param);
  if (coupon.redeem_by !== null && coupon.redeem_by <= core.clock.now())
    throw expiredError(param, `Coupon expired: ${coupon.id}`);
  if (usedUp(coupon))
    throw expiredError(param, `The coupon ${coupon.id} has been redeemed the maximum number of times.`);
  return coupon;
}

export type Redemption = {
  /** The customer redeeming, when known (a session for a visitor has none yet). */
  customer: string | null;
  /** What the first invoice charges before the discount, in `currency`. */
  amount: number;
  currency: string;
};

function hasPriorTransactions(state: EmulatorState, customer: string): boolean {
  return Object.values(state.invoices).some((invoice) => invoice.customer === customer && invoice.amount_paid > 0);
}

/**
 * Refuses a promotion code that cannot be redeemed now by this redemption,
 * naming `param`, with the reason that comes first: gone, expired, used up,
 * switched off, then the code's restrictions. Returns it with its coupon.
 */
export function assertPromotionCodeRedeemable(
  core: EmulatorCore,
  id: string,
  param: string,
  redemption: Redemption,
): { promotion: PromotionCodeObject; coupon: CouponObject } {
  const promotion = core.state.promotionCodes[id];
  if (!promotion) throw noSuchResource("promotion code", id, param);
  const now = core.clock.now();
  if (promotion.expires_at !== null && promotion.expires_at <= now)
    throw expiredError(param, `The promotion code ${promotion.code} has expired.`);
  if (usedUp(promotion))
    throw expiredError(param, `The promotion code ${promotion.code} has been redeemed the maximum number of times.`);
  const coupon = assertCouponRedeemable(core, promotion.promotion.coupon, param);
  if (!promotion.active) throw invalidParam(param, `The promotion code ${promotion.code} is inactive.`);
  if (promotion.customer !== null && promotion.customer !== redemption.customer)
    throw invalidParam(param, "This promotion code cannot be redeemed by this customer.");
  const { restrictions } = promotion;
  if (
    restrictions.first_time_transaction &&
    redemption.customer &&
    hasPriorTransactions(core.state, redemption.customer)
  )
    throw invalidParam(
      param,
      "This promotion code cannot be redeemed because the associated customer has prior transactions.",
    );
  if (
    restrictions.minimum_amount !== null &&
    restrictions.minimum_amount_currency === redemption.currency &&
    redemption.amount < restrictions.minimum_amount
  )
    throw invalidParam(
      param,
      `This promotion code requires a minimum amount of ${formatAmount(restrictions.minimum_amount, redemption.currency)}.`,
    );
  assertCouponCurrency(coupon, redemption.currency, param);
  return { promotion, coupon };
}

/** An amount-off coupon discounts only in its own currency. */
export function assertCouponCurrency(coupon: CouponObject, currency: string, param: string): void {
  if (coupon.amount_off !== null && coupon.currency !== currency)
    throw invalidParam(
      param,
      `The coupon ${coupon.id} is in ${coupon.currency}, which does not match the currency of this purchase (${currency}).`,
    );
}

/** Counts a redemption; a coupon or code that reaches its limit turns off (expireOffers). */
export function recordRedemption(core: EmulatorCore, coupon: CouponObject, promotion?: PromotionCodeObject): void {
  coupon.times_redeemed += 1;
  if (promotion) promotion.times_redeemed += 1;
  expireOffers(core);
}

/** What a coupon takes off `amount` (in the coupon's currency for amount_off, checked before). */
export function couponDiscount(coupon: Pick<CouponObject, "amount_off" | "percent_off">, amount: number): number {
  if (amount <= 0) return 0;
  if (coupon.amount_off !== null) return Math.min(coupon.amount_off, amount);
  return Math.round((amount * (coupon.percent_off ?? 0)) / 100);
}
