// /v1/promotion_codes: the customer-facing codes (SPRING-5) that stand for a
// coupon, with their own expiry, redemption limit and restrictions. Apps
// find one by its code with `list({ code })`, which, as on Stripe, ignores
// case. Codes are made here and redeemed by Checkout (create-checkout-session.ts,
// the hosted page's promotion code field).
import { apiRoute } from "./api-route";
import type { EmulatorCore } from "./emulator-core";
import { liveCustomer, newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { newId } from "./new-id";
import { assertCouponRedeemable, expireOffers, liveCoupon } from "./offer-rules";
import { expand, metadata, pagination, params, retrieveParams, value } from "./param-schemas";
import {
  expandList,
  mergeMetadata,
  optionalBoolean,
  optionalInteger,
  optionalString,
  requiredString,
  type Params,
} from "./request-params";
import { invalidParam, missingParam, noSuchResource, StripeApiError } from "./stripe-error";
import type { PromotionCodeObject } from "./stripe-objects";

/** Stripe's rule for a code: letters, digits and dashes, at most 500 characters. */
export const PROMOTION_CODE_PATTERN = /^[A-Za-z0-9-]{1,500}$/;

function findPromotionCode(core: EmulatorCore, id: string): PromotionCodeObject {
  const promotion = core.state.promotionCodes[id];
  if (!promotion) throw noSuchResource("promotion code", id);
  return promotion;
}

const sameCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The code asked for, or one made up; unique, ignoring case, among the active codes of its customer. */
function codeOf(core: EmulatorCore, params: Params, customer: string | null, active: boolean): string {
  const code = optionalString(params, "code") || newId("x", 8).slice(2).toUpperCase();
  if (!PROMOTION_CODE_PATTERN.test(code))
    throw invalidParam("code", "A promotion code may contain only letters, digits and dashes, up to 500 of them.");
  const taken = Object.values(core.state.promotionCodes).some(
    (other) => other.active && other.customer === customer && sameCode(other.code, code),
  );
  if (active && taken) {
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      code: "resource_already_exists",
      param: "code",
      message: `An active promotion code with \`code: ${code}\` already exists.`,
    });
  }
  return code;
}

function restrictionsOf(params: Params): PromotionCodeObject["restrictions"] {
  const minimum = optionalInteger(params, "restrictions[minimum_amount]") ?? null;
  const currency = optionalString(params, "restrictions[minimum_amount_currency]")?.toLowerCase() || null;
  if (minimum !== null && minimum < 1)
    throw invalidParam("restrictions[minimum_amount]", "minimum_amount must be a positive integer.");
  if (minimum !== null && !currency) throw missingParam("restrictions[minimum_amount_currency]");
  return {
    first_time_transaction: optionalBoolean(params, "restrictions[first_time_transaction]") ?? false,
    minimum_amount: minimum,
    minimum_amount_currency: minimum !== null ? currency : null,
  };
}

function createPromotionCode(core: EmulatorCore, params: Params): PromotionCodeObject {
  const now = core.clock.now();
  const type = requiredString(params, "promotion[type]");
  if (type !== "coupon") throw invalidParam("promotion[type]", "Invalid promotion[type]: must be coupon.");
  const coupon = assertCouponRedeemable(core, requiredString(params, "promotion[coupon]"), "promotion[coupon]");
  const customer = optionalString(params, "customer") || null;
  if (customer && !liveCustomer(core.state, customer)) throw noSuchResource("customer", customer, "customer");
  const expiresAt = optionalInteger(params, "expires_at") ?? null;
  if (expiresAt !== null && expiresAt <= now) throw invalidParam("expires_at", "expires_at must be in the future.");
  if (expiresAt !== null && coupon.redeem_by !== null && expiresAt > coupon.redeem_by)
    throw invalidParam("expires_at", "expires_at cannot be after the coupon's redeem_by.");
  const maxRedemptions = optionalInteger(params, "max_redemptions") ?? null;
  if (maxRedemptions !== null && maxRedemptions < 1)
    throw invalidParam("max_redemptions", "max_redemptions must be at least 1.", "parameter_invalid_integer");
  if (maxRedemptions !== null && coupon.max_redemptions !== null && maxRedemptions > coupon.max_redemptions)
    throw invalidParam("max_redemptions", "max_redemptions cannot be greater than the coupon's max_redemptions.");
  const active = optionalBoolean(params, "active") ?? true;
  const promotion: PromotionCodeObject = {
    id: newId("promo"),
    object: "promotion_code",
    active,
    code: codeOf(core, params, customer, active),
    created: now,
    customer,
    customer_account: null,
    expires_at: expiresAt,
    livemode: false,
    max_redemptions: maxRedemptions,
    metadata: mergeMetadata({}, params),
    promotion: { type: "coupon", coupon: coupon.id },
    restrictions: restrictionsOf(params),
    times_redeemed: 0,
  };
  core.state.promotionCodes[promotion.id] = promotion;
  return promotion;
}

/** Switching a code back on: only while it could be redeemed and no other active code has its code. */
function reactivate(core: EmulatorCore, promotion: PromotionCodeObject): void {
  const now = core.clock.now();
  const coupon = liveCoupon(core.state, promotion.promotion.coupon);
  const expired = promotion.expires_at !== null && promotion.expires_at <= now;
  const usedUp = promotion.max_redemptions !== null && promotion.times_redeemed >= promotion.max_redemptions;
  if (!coupon?.valid || expired || usedUp)
    throw invalidParam(
      "active",
      "A promotion code can only be reactivated when its coupon is still valid and the code is otherwise redeemable.",
    );
  codeOf(core, { code: promotion.code }, promotion.customer, true);
  promotion.active = true;
}

const restrictions = params(
  { first_time_transaction: value, minimum_amount: value, minimum_amount_currency: value },
  { notEmulated: ["currency_options"] },
);
const createParams = params(
  {
    promotion: params({ type: value, coupon: value }),
    code: value,
    active: value,
    customer: value,
    expires_at: value,
    max_redemptions: value,
    restrictions,
    metadata,
    expand,
  },
  { notEmulated: ["customer_account"] },
);
const updateParams = params({ active: value, metadata, expand }, { notEmulated: ["restrictions"] });
const listParams = params(
  { active: value, code: value, coupon: value, customer: value, expand, ...pagination },
  { notEmulated: ["created", "customer_account"] },
);

export const promotionCodeRoutes = [
  apiRoute("POST", "/v1/promotion_codes", createParams, ({ core, params }) =>
    expandObject(core.state, createPromotionCode(core, params), expandList(params)),
  ),

  apiRoute("GET", "/v1/promotion_codes", listParams, ({ core, params }) => {
    const active = optionalBoolean(params, "active");
    const code = optionalString(params, "code");
    const coupon = optionalString(params, "coupon");
    const customer = optionalString(params, "customer");
    const found = newestFirst(core.state.promotionCodes).filter(
      (promotion) =>
        (active === undefined || promotion.active === active) &&
        (code === undefined || sameCode(promotion.code, code)) &&
        (coupon === undefined || promotion.promotion.coupon === coupon) &&
        (customer === undefined || promotion.customer === customer),
    );
    return expandObject(core.state, listPage(found, params, "/v1/promotion_codes"), expandList(params));
  }),

  apiRoute("GET", "/v1/promotion_codes/:id", retrieveParams, ({ core, params, ids }) =>
    expandObject(core.state, findPromotionCode(core, ids[0]!), expandList(params)),
  ),

  apiRoute("POST", "/v1/promotion_codes/:id", updateParams, ({ core, params, ids }) => {
    const promotion = findPromotionCode(core, ids[0]!);
    const active = optionalBoolean(params, "active");
    const metadataAfter = mergeMetadata(promotion.metadata ?? {}, params);
    if (active === true && !promotion.active) reactivate(core, promotion);
    if (active === false) promotion.active = false;
    promotion.metadata = metadataAfter;
    expireOffers(core);
    return expandObject(core.state, promotion, expandList(params));
  }),
];
