// /v1/coupons: create, read, list, rename and delete coupons, the discounts
// that promotion codes point to (promotion-code-routes.ts). A coupon takes a
// percentage or an amount (in one currency) off, once, for some months, or
// forever, and may be limited in time (redeem_by) and in redemptions.
import { apiRoute } from "./api-route";
import type { EmulatorCore } from "./emulator-core";
import { newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { newId } from "./new-id";
import { expireOffers, liveCoupon } from "./offer-rules";
import { expand, metadata, noParams, pagination, params, retrieveParams, value } from "./param-schemas";
import { expandList, mergeMetadata, optionalInteger, optionalString, type Params } from "./request-params";
import { invalidParam, missingParam, noSuchResource, StripeApiError } from "./stripe-error";
import type { CouponObject, DeletedCouponObject } from "./stripe-objects";

const DURATIONS = ["forever", "once", "repeating"] as const;

function findCoupon(core: EmulatorCore, id: string): CouponObject {
  const coupon = liveCoupon(core.state, id);
  if (!coupon) throw noSuchResource("coupon", id);
  return coupon;
}

function percentOff(params: Params): number | null {
  const raw = optionalString(params, "percent_off");
  if (raw === undefined || raw === "") return null;
  const percent = /^\d+(\.\d{1,2})?$/.test(raw) ? Number(raw) : NaN;
  if (!(percent > 0 && percent <= 100))
    throw invalidParam("percent_off", "percent_off must be a number greater than 0 and at most 100.");
  return percent;
}

function name(params: Params): string | null {
  const value = optionalString(params, "name");
  if (value !== undefined && value.length > 40)
    throw invalidParam("name", "name must be at most 40 characters.", "parameter_invalid_string");
  return value || null;
}

/** The discount: exactly one of percent_off, or amount_off with its currency. */
function discountOf(params: Params): Pick<CouponObject, "percent_off" | "amount_off" | "currency"> {
  const percent = percentOff(params);
  const amount = optionalInteger(params, "amount_off") ?? null;
  const currency = optionalString(params, "currency")?.toLowerCase() || null;
  if (percent !== null && amount !== null)
    throw invalidParam("percent_off", "You may only specify one of these parameters: amount_off, percent_off.");
  if (percent === null && amount === null)
    throw invalidParam("percent_off", "You must pass either amount_off or percent_off.");
  if (amount !== null) {
    if (amount < 1)
      throw invalidParam("amount_off", "amount_off must be a positive integer.", "parameter_invalid_integer");
    if (!currency) throw missingParam("currency");
    if (!/^[a-z]{3}$/.test(currency)) throw invalidParam("currency", `Invalid currency: ${currency}.`);
  }
  return { percent_off: percent, amount_off: amount, currency: amount !== null ? currency : null };
}

function durationOf(params: Params): Pick<CouponObject, "duration" | "duration_in_months"> {
  const duration = optionalString(params, "duration") ?? "once";
  if (!(DURATIONS as readonly string[]).includes(duration))
    throw invalidParam("duration", `Invalid duration: must be one of ${DURATIONS.join(", ")}.`);
  const months = optionalInteger(params, "duration_in_months") ?? null;
  if (duration === "repeating") {
    if (months === null) throw missingParam("duration_in_months");
    if (months < 1)
      throw invalidParam("duration_in_months", "duration_in_months must be at least 1.", "parameter_invalid_integer");
  } else if (months !== null) {
    throw invalidParam("duration_in_months", "duration_in_months can only be set when duration is repeating.");
  }
  return { duration, duration_in_months: months };
}

function createCoupon(core: EmulatorCore, params: Params): CouponObject {
  const now = core.clock.now();
  const id = optionalString(params, "id") || newId("x", 8).slice(2);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id))
    throw invalidParam("id", "A coupon id may contain only letters, digits, underscores and dashes.");
  if (core.state.coupons[id]) {
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      code: "resource_already_exists",
      param: "id",
      message: "Coupon already exists.",
    });
  }
  const redeemBy = optionalInteger(params, "redeem_by") ?? null;
  if (redeemBy !== null && redeemBy <= now) throw invalidParam("redeem_by", "redeem_by must be in the future.");
  const maxRedemptions = optionalInteger(params, "max_redemptions") ?? null;
  if (maxRedemptions !== null && maxRedemptions < 1)
    throw invalidParam("max_redemptions", "max_redemptions must be at least 1.", "parameter_invalid_integer");
  const coupon: CouponObject = {
    id,
    object: "coupon",
    ...discountOf(params),
    ...durationOf(params),
    created: now,
    livemode: false,
    max_redemptions: maxRedemptions,
    metadata: mergeMetadata({}, params),
    name: name(params),
    redeem_by: redeemBy,
    times_redeemed: 0,
    valid: true,
  };
  core.state.coupons[id] = coupon;
  return coupon;
}

const createParams = params(
  {
    id: value,
    amount_off: value,
    currency: value,
    percent_off: value,
    duration: value,
    duration_in_months: value,
    max_redemptions: value,
    redeem_by: value,
    name: value,
    metadata,
    expand,
  },
  { notEmulated: ["applies_to", "currency_options"] },
);
const updateParams = params({ name: value, metadata, expand }, { notEmulated: ["currency_options"] });
const listParams = params({ expand, ...pagination }, { notEmulated: ["created"] });

export const couponRoutes = [
  apiRoute("POST", "/v1/coupons", createParams, ({ core, params }) =>
    expandObject(core.state, createCoupon(core, params), expandList(params)),
  ),

  apiRoute("GET", "/v1/coupons", listParams, ({ core, params }) => {
    const coupons = newestFirst(core.state.coupons).filter((coupon) => liveCoupon(core.state, coupon.id));
    return expandObject(core.state, listPage(coupons, params, "/v1/coupons"), expandList(params));
  }),

  apiRoute("GET", "/v1/coupons/:id", retrieveParams, ({ core, params, ids }) =>
    expandObject(core.state, findCoupon(core, ids[0]!), expandList(params)),
  ),

  apiRoute("POST", "/v1/coupons/:id", updateParams, ({ core, params, ids }) => {
    const coupon = findCoupon(core, ids[0]!);
    if (params.name !== undefined) coupon.name = name(params);
    coupon.metadata = mergeMetadata(coupon.metadata ?? {}, params);
    return expandObject(core.state, coupon, expandList(params));
  }),

  // Discounts already applied keep working, as on Stripe; no new ones can be
  // made, and its promotion codes turn inactive (offer-rules.ts).
  apiRoute("DELETE", "/v1/coupons/:id", noParams, ({ core, ids }): DeletedCouponObject => {
    const coupon = findCoupon(core, ids[0]!);
    core.state.deletedCoupons.push(coupon.id);
    coupon.valid = false;
    expireOffers(core);
    return { id: coupon.id, object: "coupon", deleted: true };
  }),
];
