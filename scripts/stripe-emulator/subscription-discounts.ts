// A subscription's discounts: made from a coupon (directly or through a
// promotion code) when Checkout completes, and applied to its invoices for
// the coupon's duration. A `repeating` discount ends `duration_in_months`
// after it starts, trial included (its `end`); a `forever` one never; a
// `once` one is used up by the first invoice it takes something off, so a
// trial's $0 invoice does not spend it. A discount whose time is over is
// taken off the subscription before the next invoice, as Stripe does.
import { addIntervals } from "./billing-periods";
import type { EmulatorCore } from "./emulator-core";
import { newId } from "./new-id";
import type { CouponObject, DiscountObject, PromotionCodeObject, SubscriptionObject } from "./stripe-objects";

export function createDiscount(
  core: EmulatorCore,
  input: {
    coupon: CouponObject;
    promotion: PromotionCodeObject | null;
    subscription: SubscriptionObject;
    checkoutSession: string | null;
  },
): DiscountObject {
  const start = core.clock.now();
  const { coupon, promotion, subscription } = input;
  const discount: DiscountObject = {
    id: newId("di"),
    object: "discount",
    checkout_session: input.checkoutSession,
    customer: subscription.customer,
    customer_account: null,
    end:
      coupon.duration === "repeating" && coupon.duration_in_months !== null
        ? addIntervals(start, "month", coupon.duration_in_months)
        : null,
    invoice: null,
    invoice_item: null,
    promotion_code: promotion?.id ?? null,
    source: { type: "coupon", coupon: coupon.id },
    start,
    subscription: subscription.id,
    subscription_item: null,
  };
  core.state.discounts[discount.id] = discount;
  subscription.discounts = [...subscription.discounts, discount.id];
  return discount;
}

const idOf = (entry: string | { id: string }) => (typeof entry === "string" ? entry : entry.id);

/** The discounts that apply to an invoice made at `at`; ended ones are taken off the subscription. */
export function currentDiscounts(core: EmulatorCore, subscription: SubscriptionObject, at: number): DiscountObject[] {
  const discounts = subscription.discounts.flatMap((entry) => core.state.discounts[idOf(entry)] ?? []);
  const current = discounts.filter((discount) => discount.end === null || at < discount.end);
  if (current.length !== discounts.length) subscription.discounts = current.map((discount) => discount.id);
  return current;
}

/** After an invoice: a `once` discount that took something off it is spent. */
export function spendOnceDiscounts(
  core: EmulatorCore,
  subscription: SubscriptionObject,
  applied: { discount: string; amount: number }[],
): void {
  const spent = new Set(
    applied
      .filter(({ discount, amount }) => {
        const coupon = core.state.coupons[core.state.discounts[discount]?.source.coupon ?? ""];
        return amount > 0 && coupon?.duration === "once";
      })
      .map(({ discount }) => discount),
  );
  if (spent.size > 0) subscription.discounts = subscription.discounts.filter((entry) => !spent.has(idOf(entry)));
}
