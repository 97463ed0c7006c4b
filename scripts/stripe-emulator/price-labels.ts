// Human-readable prices and plan names for the hosted pages and invoice
// lines, in the wording Stripe's own pages use.
import type { EmulatorState } from "./emulator-state";
import type { CouponObject, PriceObject } from "./stripe-objects";

export function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

export function productName(state: EmulatorState, price: PriceObject): string {
  return state.products[price.product]?.name ?? price.product;
}

/** "$12.00 per month" */
export function pricePerInterval(price: PriceObject): string {
  const amount = formatAmount(price.unit_amount ?? 0, price.currency);
  return price.recurring ? `${amount} per ${price.recurring.interval}` : amount;
}

/** "All-Access (Monthly)", or the product name alone when the price has no nickname. */
export function planName(state: EmulatorState, price: PriceObject): string {
  const name = productName(state, price);
  return price.nickname ? `${name} (${price.nickname})` : name;
}

/** A long UTC date such as "December 29, 2026". */
export function longDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString("en-US", {
    timeZone: "UTC",
    year: "numeric",
    month: "long",
    day: "numeric",
  });
}

/** An invoice line for a plan, worded as Stripe words it: "1 × All-Access (at $12.00 / month)". */
export function lineDescription(state: EmulatorState, price: PriceObject, quantity: number): string {
  const amount = formatAmount(price.unit_amount ?? 0, price.currency);
  const per = price.recurring ? ` / ${price.recurring.interval}` : "";
  return `${quantity} × ${productName(state, price)} (at ${amount}${per})`;
}

/** A coupon as Checkout words it: "$7.00 off for 3 months", "25% off once", "10% off forever". */
export function couponTerms(coupon: CouponObject): string {
  const off =
    coupon.amount_off !== null
      ? `${formatAmount(coupon.amount_off, coupon.currency ?? "usd")} off`
      : `${coupon.percent_off ?? 0}% off`;
  if (coupon.duration === "repeating" && coupon.duration_in_months !== null) {
    const months = coupon.duration_in_months;
    return `${off} for ${months} month${months === 1 ? "" : "s"}`;
  }
  return `${off} ${coupon.duration === "forever" ? "forever" : "once"}`;
}
