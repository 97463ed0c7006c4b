// The catalogue Folio sells: one product with a monthly and an annual price,
// and two offers to try offer links with (docs/billing.md): SPRING-5, $7 off
// the monthly plan for three months ($5 a month, then $12), and READ-30, a
// 30-day free trial. The app finds the prices by lookup key and the offers
// by code, as it would in a real Stripe account where ids differ between
// test and live mode; the fixed ids only make logs easier to read.
import type { EmulatorState } from "./emulator-state";
import type { CouponObject, PriceObject, ProductObject, PromotionCodeObject } from "./stripe-objects";

type PlanSeed = { id: string; lookupKey: string; nickname: string; unitAmount: number; interval: "month" | "year" };

const productId = "prod_all_access";

const plans: PlanSeed[] = [
  {
    id: "price_all_access_monthly",
    lookupKey: "all_access_monthly",
    nickname: "Monthly",
    unitAmount: 1200,
    interval: "month",
  },
  {
    id: "price_all_access_annual",
    lookupKey: "all_access_annual",
    nickname: "Annual",
    unitAmount: 12000,
    interval: "year",
  },
];

function product(created: number): ProductObject {
  return {
    id: productId,
    object: "product",
    active: true,
    created,
    updated: created,
    default_price: plans[0]!.id,
    description: "Every article, every analysis, the full archive.",
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: {},
    name: "All-Access",
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: "service",
    unit_label: null,
    url: null,
  };
}

function price(plan: PlanSeed, created: number): PriceObject {
  return {
    id: plan.id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created,
    currency: "usd",
    custom_unit_amount: null,
    livemode: false,
    lookup_key: plan.lookupKey,
    metadata: {},
    nickname: plan.nickname,
    product: productId,
    recurring: {
      interval: plan.interval,
      interval_count: 1,
      meter: null,
      trial_period_days: null,
      usage_type: "licensed",
    },
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: "recurring",
    unit_amount: plan.unitAmount,
    unit_amount_decimal: String(plan.unitAmount),
  };
}

type OfferSeed = {
  coupon: Pick<
    CouponObject,
    "id" | "name" | "amount_off" | "currency" | "percent_off" | "duration" | "duration_in_months"
  >;
  promotion: Pick<PromotionCodeObject, "id" | "code" | "metadata">;
  minimumAmount?: number;
};

const offers: OfferSeed[] = [
  {
    coupon: {
      id: "spring-5",
      name: "$7 off for 3 months",
      amount_off: 700,
      currency: "usd",
      percent_off: null,
      duration: "repeating",
      duration_in_months: 3,
    },
    promotion: { id: "promo_seed_spring_5", code: "SPRING-5", metadata: { plan: "monthly" } },
  },
  {
    // Every promotion code stands for a coupon; Folio gives a code with
    // `trial_days` in its metadata as a trial and never applies this coupon
    // (lib/billing/offers.ts). Its minimum amount, more than any plan costs,
    // keeps anyone from typing it into Checkout's promotion code field to get
    // the coupon instead of the trial.
    coupon: {
      id: "trial-offers",
      name: "Trial offers (the trial, no discount)",
      amount_off: null,
      currency: null,
      percent_off: 100,
      duration: "once",
      duration_in_months: null,
    },
    promotion: { id: "promo_seed_read_30", code: "READ-30", metadata: { trial_days: "30" } },
    minimumAmount: 100_000_000,
  },
];

function coupon(seed: OfferSeed["coupon"], created: number): CouponObject {
  return {
    ...seed,
    object: "coupon",
    created,
    livemode: false,
    max_redemptions: null,
    metadata: {},
    redeem_by: null,
    times_redeemed: 0,
    valid: true,
  };
}

function promotionCode(seed: OfferSeed, created: number): PromotionCodeObject {
  return {
    ...seed.promotion,
    object: "promotion_code",
    active: true,
    created,
    customer: null,
    customer_account: null,
    expires_at: null,
    livemode: false,
    max_redemptions: null,
    promotion: { type: "coupon", coupon: seed.coupon.id },
    restrictions: {
      first_time_transaction: false,
      minimum_amount: seed.minimumAmount ?? null,
      minimum_amount_currency: seed.minimumAmount ? "usd" : null,
    },
    times_redeemed: 0,
  };
}

/** Adds the catalogue where it is missing; a loaded state keeps its own copies. */
export function seedCatalogue(state: EmulatorState, now: number): void {
  state.products[productId] ??= product(now);
  for (const plan of plans) state.prices[plan.id] ??= price(plan, now);
  for (const offer of offers) {
    state.coupons[offer.coupon.id] ??= coupon(offer.coupon, now);
    state.promotionCodes[offer.promotion.id] ??= promotionCode(offer, now);
  }
}
