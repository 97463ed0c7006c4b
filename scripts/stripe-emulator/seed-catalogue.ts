// The catalogue Folio sells: one product with a monthly and an annual price.
// The app finds the prices by lookup key, as it would in a real Stripe
// account where ids differ between test and live mode; the fixed ids only
// make logs easier to read.
import type { EmulatorState } from "./emulator-state";
import type { PriceObject, ProductObject } from "./stripe-objects";

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

/** Adds the catalogue where it is missing; a loaded state keeps its own copies. */
export function seedCatalogue(state: EmulatorState, now: number): void {
  state.products[productId] ??= product(now);
  for (const plan of plans) state.prices[plan.id] ??= price(plan, now);
}
