// A Checkout Session's discount: the coupon or promotion code the app put in
// `discounts`, or one the buyer typed on the hosted page when the session
// allows promotion codes. Checked when it is given and again at payment (a
// code may have run out meanwhile); redeemed, and made the subscription's
// discount, when the payment goes through.
import type { EmulatorCore } from "./emulator-core";
import {
  assertCouponCurrency,
  assertCouponRedeemable,
  assertPromotionCodeRedeemable,
  couponDiscount,
  recordRedemption,
  type Redemption,
} from "./offer-rules";
import { isRecord, optionalString, type Params } from "./request-params";
import { invalidParam } from "./stripe-error";
import type { CheckoutSessionObject, CouponObject, PromotionCodeObject, SubscriptionObject } from "./stripe-objects";
import { createDiscount } from "./subscription-discounts";

export type SessionDiscount = { coupon: string | null; promotion_code: string | null };

type Redeemable = { coupon: CouponObject; promotion: PromotionCodeObject | null };

function redeemable(core: EmulatorCore, discount: SessionDiscount, param: string, redemption: Redemption): Redeemable {
  if (discount.promotion_code) {
    const { promotion, coupon } = assertPromotionCodeRedeemable(
      core,
      discount.promotion_code,
      `${param}[promotion_code]`,
      redemption,
    );
    return { coupon, promotion };
  }
  const coupon = assertCouponRedeemable(core, discount.coupon ?? "", `${param}[coupon]`);
  assertCouponCurrency(coupon, redemption.currency, `${param}[coupon]`);
  return { coupon, promotion: null };
}

/** `discounts`: at most one, a coupon or a promotion code; checked to be redeemable now. */
export function sessionDiscount(core: EmulatorCore, params: Params, redemption: Redemption): SessionDiscount | null {
  const list = params.discounts;
  if (list === undefined || list === "") return null;
  const entries = Array.isArray(list) ? list : isRecord(list) ? Object.values(list) : [list];
  if (entries.length === 0) return null;
  if (entries.length > 1) throw invalidParam("discounts", "You may only specify one discount per Checkout Session.");
  const coupon = optionalString(params, "discounts[0][coupon]") || null;
  const promotionCode = optionalString(params, "discounts[0][promotion_code]") || null;
  if (coupon && promotionCode) {
    throw invalidParam("discounts[0][coupon]", "You may only specify one of these parameters: coupon, promotion_code.");
  }
  if (!coupon && !promotionCode) {
    throw invalidParam("discounts[0]", "Each discount needs a coupon or a promotion_code.");
  }
  const found = redeemable(core, { coupon, promotion_code: promotionCode }, "discounts[0]", redemption);
  return { coupon: found.coupon.id, promotion_code: found.promotion?.id ?? null };
}

/** What the session charges today: nothing during a trial, else the price less the discount. */
export function sessionAmounts(
  core: EmulatorCore,
  amount: number,
  trial: boolean,
  discount: SessionDiscount | null,
): { subtotal: number; discount: number; total: number } {
  if (trial) return { subtotal: 0, discount: 0, total: 0 };
  const coupon = discount?.coupon ? core.state.coupons[discount.coupon] : undefined;
  const off = coupon ? couponDiscount(coupon, amount) : 0;
  return { subtotal: amount, discount: off, total: amount - off };
}

/** Sets the session's discount (or clears it) and the amounts that follow from it. */
function setDiscount(core: EmulatorCore, session: CheckoutSessionObject, discount: SessionDiscount | null): void {
  const details = core.state.checkoutSessionDetails[session.id]!;
  const line = details.lineItems[0]!;
  const amount = (line.price.unit_amount ?? 0) * (line.quantity ?? 1);
  const totals = sessionAmounts(core, amount, details.trial !== undefined, discount);
  session.discounts = discount ? [discount] : [];
  session.amount_subtotal = totals.subtotal;
  session.amount_total = totals.total;
  session.total_details = { amount_discount: totals.discount, amount_shipping: 0, amount_tax: 0 };
  Object.assign(line, {
    amount_discount: totals.discount,
    amount_subtotal: totals.subtotal,
    amount_total: totals.total,
  });
}

function redemptionOf(core: EmulatorCore, session: CheckoutSessionObject): Redemption {
  const line = core.state.checkoutSessionDetails[session.id]!.lineItems[0]!;
  return {
    customer: session.customer,
    amount: (line.price.unit_amount ?? 0) * (line.quantity ?? 1),
    currency: line.price.currency,
  };
}

/**
 * The buyer typed `code` on the hosted page: the active promotion code of
 * that code (case ignored), if it may be redeemed, becomes the session's
 * discount. Throws the refusal otherwise; "This code is invalid." for a code
 * that names nothing, as Checkout says it.
 */
export function applyTypedCode(core: EmulatorCore, session: CheckoutSessionObject, code: string): void {
  if (!session.allow_promotion_codes)
    throw invalidParam("discounts", "This Checkout Session takes no promotion codes.");
  const wanted = code.trim().toLowerCase();
  const candidates = Object.values(core.state.promotionCodes).filter(
    (promotion) =>
      promotion.code.toLowerCase() === wanted &&
      (promotion.customer === null || promotion.customer === session.customer),
  );
  // An active one if there is one, else the newest, to say why it cannot be used.
  const promotion = candidates.find((candidate) => candidate.active) ?? candidates.at(-1);
  if (!wanted || !promotion) throw invalidParam("discounts[0][promotion_code]", "This code is invalid.");
  assertPromotionCodeRedeemable(core, promotion.id, "discounts[0][promotion_code]", redemptionOf(core, session));
  setDiscount(core, session, { coupon: promotion.promotion.coupon, promotion_code: promotion.id });
}

export function removeTypedCode(core: EmulatorCore, session: CheckoutSessionObject): void {
  if (session.allow_promotion_codes) setDiscount(core, session, null);
}

/** At payment: throws if the session's discount can no longer be redeemed (checkSessionDiscount). */
export function checkSessionDiscount(core: EmulatorCore, session: CheckoutSessionObject): Redeemable | null {
  const discount = session.discounts?.[0];
  if (!discount) return null;
  return redeemable(
    core,
    {
      coupon: typeof discount.coupon === "string" ? discount.coupon : (discount.coupon?.id ?? null),
      promotion_code:
        typeof discount.promotion_code === "string" ? discount.promotion_code : (discount.promotion_code?.id ?? null),
    },
    "discounts[0]",
    redemptionOf(core, session),
  );
}

/** Redeems the session's discount onto its new subscription. */
export function redeemSessionDiscount(
  core: EmulatorCore,
  session: CheckoutSessionObject,
  subscription: SubscriptionObject,
): void {
  const found = checkSessionDiscount(core, session);
  if (!found) return;
  createDiscount(core, { ...found, subscription, checkoutSession: session.id });
  recordRedemption(core, found.coupon, found.promotion ?? undefined);
}
