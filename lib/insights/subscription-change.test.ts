import { describe, expect, it } from "vitest";
import { billedPerInterval, changeFieldsOf, sameChange, type SubscriptionFacts } from "./subscription-change";

const recurring = (interval: string, interval_count = 1) => ({ interval, interval_count });

describe("billedPerInterval", () => {
  it.each([
    ["monthly", 1200, recurring("month"), { amount: 1200, interval: "month" }],
    ["annual", 12000, recurring("year"), { amount: 12000, interval: "year" }],
    // 3000 every 3 months = 3000 × 12 / 3 = 12000 a year.
    ["quarterly", 3000, recurring("month", 3), { amount: 12000, interval: "year" }],
    // 20000 every 2 years = 10000 a year.
    ["every two years", 20000, recurring("year", 2), { amount: 10000, interval: "year" }],
    // 1000 every 7 months = 1000 × 12 / 7 = 1714.29, rounded.
    ["every seven months", 1000, recurring("month", 7), { amount: 1714, interval: "year" }],
    // 300 a week = 300 × 52 = 15600 a year.
    ["weekly", 300, recurring("week"), { amount: 15600, interval: "year" }],
    ["daily", 10, recurring("day"), { amount: 3650, interval: "year" }],
    ["an interval unknown here", 500, recurring("fortnight"), { amount: 500, interval: "month" }],
    ["no recurring (not a subscription price)", 500, null, { amount: 500, interval: "month" }],
  ] as const)("%s", (_label, amount, cycle, expected) => {
    expect(billedPerInterval(amount, cycle)).toEqual(expected);
  });
});

function subscription(overrides: Partial<SubscriptionFacts> = {}, quantity?: number): SubscriptionFacts {
  return {
    id: "sub_1",
    status: "active",
    start_date: 1_600_000_000,
    ended_at: null,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: false,
    items: {
      data: [
        {
          quantity,
          price: {
            id: "price_1",
            lookup_key: "all_access_monthly",
            unit_amount: 1200,
            currency: "eur",
            recurring: recurring("month"),
          },
        },
      ],
    },
    ...overrides,
  };
}

describe("changeFieldsOf", () => {
  it("takes the plan's lookup key, the amount times the quantity, and the cycle", () => {
    expect(changeFieldsOf(subscription({ cancel_at_period_end: true }, 3))).toEqual({
      status: "active",
      plan: "all_access_monthly",
      amount: 3600,
      currency: "eur",
      interval: "month",
      cancelAtPeriodEnd: true,
    });
  });

  it("names the plan by price id when it has no lookup key, and counts a missing quantity as one", () => {
    const bare = subscription();
    bare.items.data[0]!.price.lookup_key = null;
    expect(changeFieldsOf(bare)).toMatchObject({ plan: "price_1", amount: 1200 });
  });

  it("refuses a subscription with no items", () => {
    expect(() => changeFieldsOf(subscription({ items: { data: [] } }))).toThrow("sub_1 has no items");
  });
});

describe("sameChange", () => {
  const base = changeFieldsOf(subscription());
  it.each([
    ["status", { status: "past_due" }],
    ["plan", { plan: "all_access_annual" }],
    ["amount", { amount: 1300 }],
    ["currency", { currency: "usd" }],
    ["interval", { interval: "year" as const }],
    ["cancel at period end", { cancelAtPeriodEnd: true }],
  ])("differs in %s", (_label, change) => {
    expect(sameChange(base, { ...base, ...change })).toBe(false);
  });

  it("is the same when every field is", () => {
    expect(sameChange(base, { ...base })).toBe(true);
  });
});
