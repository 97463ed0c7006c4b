// One row of a subscription's history (subscription_changes): the fields
// revenue reads, taken from a subscription as Stripe returns it. The shape
// below names only what is read, so that this folder needs no import of
// `stripe` (lib/billing is the only code that has one): a Stripe.Subscription
// fits it as it is.

/** What Stripe says about a subscription, as far as its history needs. */
export type SubscriptionFacts = {
  id: string;
  status: string;
  start_date: number;
  ended_at: number | null;
  trial_start: number | null;
  trial_end: number | null;
  cancel_at_period_end: boolean;
  items: {
    data: {
      quantity?: number;
      price: {
        id: string;
        lookup_key: string | null;
        unit_amount: number | null;
        currency: string;
        recurring: { interval: string; interval_count: number } | null;
      };
    }[];
  };
};

/** The fields that make a change: a row is recorded only when one of them differs from the last. */
export type ChangeFields = {
  status: string;
  plan: string;
  /** One billing interval's price in the currency's smallest unit, quantity included. */
  amount: number;
  currency: string;
  interval: "month" | "year";
  cancelAtPeriodEnd: boolean;
};

export type RecordedChange = ChangeFields & { at: Date };

const PER_YEAR: Record<string, number> = { day: 365, week: 52, month: 12, year: 1 };

/**
 * A price's amount per month or per year. Folio sells monthly and annual
 * prices; any other cycle (every 3 months, every 2 years, weekly) is stored
 * as its amount per year, rounded to a whole minor unit (at most half a cent
 * a year off), so that MRR stays amount / 12 for every row. A cycle Stripe
 * may add later, unknown here, counts as monthly.
 */
export function billedPerInterval(
  amount: number,
  recurring: SubscriptionFacts["items"]["data"][number]["price"]["recurring"],
): Pick<ChangeFields, "amount" | "interval"> {
  const interval = recurring?.interval ?? "month";
  const count = recurring?.interval_count ?? 1;
  if (count === 1 && (interval === "month" || interval === "year")) return { amount, interval };
  const perYear = PER_YEAR[interval];
  if (perYear === undefined) return { amount, interval: "month" };
  return { amount: Math.round((amount * perYear) / count), interval: "year" };
}

/**
 * The change fields of `subscription` now. Its first item is its plan, as in
 * the synced row (lib/billing/subscription-sync.ts): Checkout sells one. A
 * price with no unit amount (tiered or metered, which Folio does not sell)
 * counts as 0. Discounts are not taken off: Folio has no coupons.
 */
export function changeFieldsOf(subscription: SubscriptionFacts): ChangeFields {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${subscription.id} has no items`);
  const { price } = item;
  return {
    status: subscription.status,
    plan: price.lookup_key ?? price.id,
    ...billedPerInterval((price.unit_amount ?? 0) * (item.quantity ?? 1), price.recurring),
    currency: price.currency,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}

export function sameChange(a: ChangeFields, b: ChangeFields): boolean {
  return (
    a.status === b.status &&
    a.plan === b.plan &&
    a.amount === b.amount &&
    a.currency === b.currency &&
    a.interval === b.interval &&
    a.cancelAtPeriodEnd === b.cancelAtPeriodEnd
  );
}
