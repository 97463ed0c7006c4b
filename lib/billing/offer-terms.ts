// The terms of a plan as the buyer will pay them, stated before payment:
// "$5.00 a month for 3 months, then $12.00 a month", "14 days free, then
// $12.00 a month". The arithmetic is Stripe's (the emulator's
// offer-rules.ts): a percentage is rounded to the cent, an amount never takes
// the price below zero, and a coupon of N months discounts every invoice
// made within N months of the start, so an annual plan's first invoice only.
import type { CouponTerms, Offer } from "./offers";
import { formatMoney, formatPrice, type Plan } from "./plans";

type PricedPlan = Pick<Plan, "key" | "amount" | "currency" | "interval">;

/** Whether an offer can be had on this plan: one it names, and an amount in the plan's currency. */
export function offerAppliesTo(offer: Offer, plan: PricedPlan): boolean {
  if (offer.plans && !offer.plans.includes(plan.key)) return false;
  if (offer.kind === "discount" && offer.coupon.amountOff !== null)
    return offer.coupon.currency?.toLowerCase() === plan.currency.toLowerCase();
  return true;
}

export function discountedAmount(coupon: CouponTerms, amount: number): number {
  if (coupon.amountOff !== null) return Math.max(0, amount - coupon.amountOff);
  return amount - Math.round((amount * (coupon.percentOff ?? 0)) / 100);
}

/** How many of the plan's invoices the coupon discounts; Infinity for ever. */
function discountedInvoices(coupon: CouponTerms, plan: PricedPlan): number {
  if (coupon.duration === "forever") return Infinity;
  if (coupon.duration === "once") return 1;
  const monthsPerInvoice = plan.interval === "year" ? 12 : 1;
  return Math.max(1, Math.ceil((coupon.durationInMonths ?? 1) / monthsPerInvoice));
}

function discountTerms(coupon: CouponTerms, plan: PricedPlan): string {
  const amount = discountedAmount(coupon, plan.amount);
  const full = formatPrice(plan);
  const count = discountedInvoices(coupon, plan);
  if (count === Infinity) {
    return amount === 0
      ? "Free for as long as you subscribe"
      : `${formatPrice({ ...plan, amount })} for as long as you subscribe, instead of ${full}`;
  }
  if (count === 1) {
    return `${amount === 0 ? "Free" : formatMoney(amount, plan.currency)} for the first ${plan.interval}, then ${full}`;
  }
  const price = amount === 0 ? "Free" : formatPrice({ ...plan, amount });
  return `${price} for ${count} ${plan.interval}s, then ${full}`;
}

export function trialTerms(days: number, plan: PricedPlan): string {
  return `${days} day${days === 1 ? "" : "s"} free, then ${formatPrice(plan)}`;
}

/**
 * What this plan costs with the offer (which must apply to it), or with the
 * free trial every new subscription starts with (TRIAL_DAYS); null when it
 * is simply the plan's price. An offer takes the place of that trial.
 */
export function planTerms(plan: PricedPlan, offer: Offer | null, defaultTrialDays: number): string | null {
  if (offer?.kind === "discount") return discountTerms(offer.coupon, plan);
  if (offer?.kind === "trial") return trialTerms(offer.trialDays, plan);
  return defaultTrialDays > 0 ? trialTerms(defaultTrialDays, plan) : null;
}
