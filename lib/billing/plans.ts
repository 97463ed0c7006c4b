// All-Access plans, read from Stripe by Price lookup key: prices live in
// Stripe, and the site shows what Stripe will charge.
import { env } from "@/lib/config/env";
import { stripe } from "./stripe-client";

export type PlanKey = "monthly" | "annual";
export const PLAN_KEYS: readonly PlanKey[] = ["monthly", "annual"];

export type Plan = {
  key: PlanKey;
  lookupKey: string;
  priceId: string;
  name: string;
  /** In the currency's smallest unit (cents). */
  amount: number;
  currency: string;
  interval: "month" | "year";
};

export function lookupKeyFor(plan: PlanKey): string {
  return plan === "monthly" ? env().STRIPE_MONTHLY_LOOKUP_KEY : env().STRIPE_ANNUAL_LOOKUP_KEY;
}

export function planKeyFor(lookupKey: string | null | undefined): PlanKey | null {
  return PLAN_KEYS.find((plan) => lookupKeyFor(plan) === lookupKey) ?? null;
}

export async function listPlans(): Promise<Plan[]> {
  const prices = await stripe().prices.list({
    lookup_keys: PLAN_KEYS.map(lookupKeyFor),
    active: true,
    expand: ["data.product"],
  });
  return PLAN_KEYS.flatMap((key) => {
    const price = prices.data.find((candidate) => candidate.lookup_key === lookupKeyFor(key));
    if (!price || price.unit_amount === null || !price.recurring) return [];
    const product =
      typeof price.product === "object" && !("deleted" in price.product && price.product.deleted)
        ? price.product
        : null;
    const interval = price.recurring.interval === "year" ? "year" : "month";
    return [
      {
        key,
        lookupKey: lookupKeyFor(key),
        priceId: price.id,
        name: product && "name" in product ? product.name : "All-Access",
        amount: price.unit_amount,
        currency: price.currency,
        interval,
      },
    ];
  });
}

/** "$12.00": an amount in the currency's smallest unit. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

/** "$12.00 a month" */
export function formatPrice(plan: Pick<Plan, "amount" | "currency" | "interval">): string {
  return `${formatMoney(plan.amount, plan.currency)} a ${plan.interval}`;
}
