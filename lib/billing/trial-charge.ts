// What a trial's reminder states, read from Stripe when it is sent (never
// from the event, which may be days old): whether the trial is still going
// to end in a charge, when, and how much that first charge is, with the
// subscription's discount if one applies then (offer-terms.ts does the
// arithmetic as Stripe does).
import { discountedAmount } from "./offer-terms";
import { couponTerms } from "./offers";
import type { Plan } from "./plans";
import { stripe } from "./stripe-client";

export type TrialCharge = {
  trialEnd: Date;
  /** The plan's own price, and what the first charge after the trial is. */
  price: Pick<Plan, "amount" | "currency" | "interval">;
  firstCharge: number;
};

/**
 * The charge subscription `id`'s trial ending at `trialEnd` leads to; null
 * when it no longer does (the trial was cancelled, ended or moved).
 */
export async function trialCharge(id: string, trialEnd: Date): Promise<TrialCharge | null> {
  const subscription = await stripe().subscriptions.retrieve(id, { expand: ["discounts.source.coupon"] });
  const item = subscription.items.data[0];
  const end = subscription.trial_end;
  if (subscription.status !== "trialing" || subscription.cancel_at !== null || end === null) return null;
  if (end * 1000 !== trialEnd.getTime() || !item?.price.recurring || item.price.unit_amount === null) return null;
  const amount = item.price.unit_amount * (item.quantity ?? 1);
  let firstCharge = amount;
  for (const discount of subscription.discounts) {
    if (typeof discount === "string" || (discount.end !== null && discount.end <= end)) continue;
    const coupon = discount.source.coupon;
    const terms = coupon && typeof coupon === "object" ? couponTerms(coupon) : null;
    if (terms) firstCharge = discountedAmount(terms, firstCharge);
  }
  return {
    trialEnd,
    price: {
      amount,
      currency: item.price.currency,
      interval: item.price.recurring.interval === "year" ? "year" : "month",
    },
    firstCharge,
  };
}
