// Revenue and subscribers (lib/insights/revenue.ts) from subscription_changes
// on real PostgreSQL: a hand-made history in 2021, long before any row the
// other tests write, counted by hand; and the history written by syncs of
// subscriptions from the Stripe emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPlans } from "@/lib/billing/plans";
import { stripe } from "@/lib/billing/stripe-client";
import { syncSubscription } from "@/lib/billing/subscription-sync";
import { db } from "@/lib/db/prisma";
import { monthlyChurn, revenueSeries } from "@/lib/insights/revenue";
import { createReader } from "../fixtures/readers";
import { buyMonthly } from "../fixtures/stripe";

// Berlin: UTC+1 in winter, UTC+2 from 28 March 2021. Its months start at
// 23:00 UTC the day before (22:00 from April).
const ZONE = "Europe/Berlin";
const PREFIX = "sub_revenue_fixture_";

const MONTHLY = { plan: "monthly", amount: 1200, currency: "eur", interval: "month" }; // €12 a month
const ANNUAL = { plan: "annual", amount: 12000, currency: "eur", interval: "year" }; // €120 a year = €10 a month
const ANNUAL_USD = { plan: "annual_usd", amount: 10000, currency: "usd", interval: "year" }; // $100 a year

type Step = [at: string, status: string, price: typeof MONTHLY, cancelAtPeriodEnd?: boolean];

const HISTORY: Record<string, Step[]> = {
  // Paying throughout.
  a: [["2020-12-10T09:00:00Z", "active", MONTHLY]],
  // Monthly, then upgraded to annual in February: MRR 1200 → 1000, neither new nor churn.
  b: [
    ["2021-01-05T09:00:00Z", "active", MONTHLY],
    ["2021-02-10T09:00:00Z", "active", ANNUAL],
  ],
  // Cancels at period end on 20 January; Stripe ends it on 3 February: churn in February.
  c: [
    ["2020-12-03T09:00:00Z", "active", MONTHLY],
    ["2021-01-20T09:00:00Z", "active", MONTHLY, true],
    ["2021-02-03T09:00:00Z", "canceled", MONTHLY, true],
  ],
  // A renewal fails and is paid three days later: paying all along.
  d: [
    ["2020-12-15T09:00:00Z", "active", MONTHLY],
    ["2021-02-15T09:00:00Z", "past_due", MONTHLY],
    ["2021-02-18T09:00:00Z", "active", MONTHLY],
  ],
  // A renewal fails and Stripe gives up at 00:30 on 1 April in Berlin: still
  // paying in March, churn in April.
  e: [
    ["2021-01-10T09:00:00Z", "active", MONTHLY],
    ["2021-03-10T09:00:00Z", "past_due", MONTHLY],
    ["2021-03-31T22:30:00Z", "canceled", MONTHLY],
  ],
  // A trial that converts on 3 February: a trial at the end of January, new in February.
  f: [
    ["2021-01-20T09:00:00Z", "trialing", MONTHLY],
    ["2021-02-03T09:00:00Z", "active", MONTHLY],
  ],
  // A trial that does not convert: neither new nor churn.
  g: [
    ["2021-02-05T09:00:00Z", "trialing", MONTHLY],
    ["2021-02-19T09:00:00Z", "canceled", MONTHLY],
  ],
  // A first payment that never completes: never counted.
  h: [
    ["2021-03-05T09:00:00Z", "incomplete", MONTHLY],
    ["2021-03-06T09:00:00Z", "incomplete_expired", MONTHLY],
  ],
  // Subscribes at 00:30 on 1 February in Berlin (23:30 UTC on 31 January): new in February.
  i: [["2021-01-31T23:30:00Z", "active", MONTHLY]],
  // Two annual plans in dollars: 2 × 10000 / 12 = 1666.67, rounded once: 1667.
  j1: [["2021-01-02T09:00:00Z", "active", ANNUAL_USD]],
  j2: [["2021-01-03T09:00:00Z", "active", ANNUAL_USD]],
};

async function removeFixture() {
  await db().subscriptionChange.deleteMany({ where: { subscriptionId: { startsWith: PREFIX } } });
}

describe("revenue from the history", () => {
  beforeAll(async () => {
    await removeFixture();
    await db().subscriptionChange.createMany({
      data: Object.entries(HISTORY).flatMap(([name, steps]) =>
        steps.map(([at, status, price, cancelAtPeriodEnd = false]) => ({
          subscriptionId: `${PREFIX}${name}`,
          at: new Date(at),
          status,
          ...price,
          cancelAtPeriodEnd,
        })),
      ),
    });
  });
  afterAll(removeFixture);

  it("counts each month's churn", async () => {
    expect(await monthlyChurn("2021-01", "2021-04", ZONE)).toEqual([
      {
        month: "2021-01",
        // a, c, d paying on 1 January: 3 × 1200 = 3600.
        activeAtStart: 3,
        // j1, j2, b, e (i falls on 1 February in Berlin; f is a trial).
        newSubscribers: 4,
        churned: 0,
        net: 4,
        churnRate: 0 / 3,
        mrrAtStart: { eur: 3600 },
        // a, b, c, d, e monthly: 5 × 1200 = 6000; j1, j2: 20000 / 12 = 1666.67 → 1667.
        mrrAtEnd: { eur: 6000, usd: 1667 },
      },
      {
        month: "2021-02",
        activeAtStart: 7,
        // i (00:30 on 1 February) and f (its trial converting); c ends.
        newSubscribers: 2,
        churned: 1,
        net: 1,
        churnRate: 1 / 7,
        mrrAtStart: { eur: 6000, usd: 1667 },
        // a, d, e, i, f monthly: 5 × 1200 = 6000, plus b annual 12000 / 12 = 1000: 7000.
        mrrAtEnd: { eur: 7000, usd: 1667 },
      },
      {
        month: "2021-03",
        // e is past_due from 10 March but still paying; h never pays.
        activeAtStart: 8,
        newSubscribers: 0,
        churned: 0,
        net: 0,
        churnRate: 0 / 8,
        mrrAtStart: { eur: 7000, usd: 1667 },
        mrrAtEnd: { eur: 7000, usd: 1667 },
      },
      {
        month: "2021-04",
        activeAtStart: 8,
        newSubscribers: 0,
        // e ends at 00:30 on 1 April in Berlin.
        churned: 1,
        net: -1,
        churnRate: 1 / 8,
        mrrAtStart: { eur: 7000, usd: 1667 },
        // a, d, i, f monthly: 4 × 1200 = 4800, plus b's 1000: 5800.
        mrrAtEnd: { eur: 5800, usd: 1667 },
      },
    ]);
  });

  it("gives MRR and subscribers by plan at the end of each bucket", async () => {
    const buckets = [
      { start: "2020-12-01", end: "2020-12-31" },
      { start: "2021-01-01", end: "2021-01-31" },
      { start: "2021-02-01", end: "2021-02-28" },
      { start: "2021-03-01", end: "2021-03-31" },
    ];
    expect(await revenueSeries(buckets, ZONE)).toEqual([
      {
        ...buckets[0],
        // c, a, d started in December: 3 × 1200.
        mrr: { eur: 3600 },
        active: 3,
        activeByPlan: { monthly: 3 },
        trialing: 0,
        newSubscribers: 3,
        churned: 0,
        net: 3,
      },
      {
        ...buckets[1],
        mrr: { eur: 6000, usd: 1667 },
        // a, b, c, d, e monthly (c cancels at period end but still pays); j1, j2.
        active: 7,
        activeByPlan: { monthly: 5, annual_usd: 2 },
        // f.
        trialing: 1,
        newSubscribers: 4,
        churned: 0,
        net: 4,
      },
      {
        ...buckets[2],
        mrr: { eur: 7000, usd: 1667 },
        // a, d, e, i, f monthly; b annual; j1, j2. g's trial ended.
        active: 8,
        activeByPlan: { monthly: 5, annual: 1, annual_usd: 2 },
        trialing: 0,
        newSubscribers: 2,
        churned: 1,
        net: 1,
      },
      {
        ...buckets[3],
        mrr: { eur: 7000, usd: 1667 },
        active: 8,
        activeByPlan: { monthly: 5, annual: 1, annual_usd: 2 },
        trialing: 0,
        newSubscribers: 0,
        churned: 0,
        net: 0,
      },
    ]);
  });

  it("puts a change at 00:30 in Berlin on the Berlin day, not the UTC one", async () => {
    const days = ["2021-01-31", "2021-02-01", "2021-03-31", "2021-04-01"].map((day) => ({ start: day, end: day }));
    const series = await revenueSeries(days, ZONE);
    // i subscribes on 1 February, e ends on 1 April (Berlin).
    expect(series.map(({ start, newSubscribers, churned }) => [start, newSubscribers, churned])).toEqual([
      ["2021-01-31", 0, 0],
      ["2021-02-01", 1, 0],
      ["2021-03-31", 0, 0],
      ["2021-04-01", 0, 1],
    ]);
  });

  it("refuses days that are not a range", async () => {
    await expect(revenueSeries([{ start: "2021-02-01", end: "2021-01-31" }], ZONE)).rejects.toThrow(
      "not a range of days",
    );
    await expect(revenueSeries([{ start: "2021-02-30", end: "2021-03-01" }], ZONE)).rejects.toThrow(
      "not a range of days",
    );
  });
});

describe("the history written by syncs from Stripe", () => {
  const historyOf = (subscriptionId: string) =>
    db().subscriptionChange.findMany({
      where: { subscriptionId },
      orderBy: { at: "asc" },
      select: {
        at: true,
        status: true,
        plan: true,
        amount: true,
        currency: true,
        interval: true,
        cancelAtPeriodEnd: true,
      },
    });

  it("adds a row when the plan changes, and none when a sync finds nothing new", async () => {
    const reader = await createReader();
    const { subscriptionId } = await buyMonthly(reader);
    const started = await stripe().subscriptions.retrieve(subscriptionId);
    await syncSubscription(subscriptionId);
    const first = {
      at: new Date(started.start_date * 1000),
      status: "active",
      plan: "all_access_monthly",
      amount: 1200,
      currency: "usd",
      interval: "month",
      cancelAtPeriodEnd: false,
    };
    expect(await historyOf(subscriptionId)).toEqual([first]);

    await syncSubscription(subscriptionId);
    expect(await historyOf(subscriptionId)).toEqual([first]);

    const annual = (await listPlans()).find((plan) => plan.key === "annual")!;
    await stripe().subscriptions.update(subscriptionId, {
      items: [{ id: started.items.data[0]!.id, price: annual.priceId }],
    });
    const switchedAt = new Date();
    await syncSubscription(subscriptionId, switchedAt);
    expect(await historyOf(subscriptionId)).toEqual([
      first,
      { ...first, at: switchedAt, plan: "all_access_annual", amount: 12000, interval: "year" },
    ]);
  });

  it("dates a subscription first seen already ended from its start to its end", async () => {
    const reader = await createReader();
    const { subscriptionId } = await buyMonthly(reader);
    const ended = await stripe().subscriptions.cancel(subscriptionId);
    await syncSubscription(subscriptionId);
    const history = await historyOf(subscriptionId);
    expect(history.map(({ at, status }) => [at, status])).toEqual([
      [new Date(ended.start_date * 1000), "active"],
      // One millisecond later when Stripe gives the same second for both.
      [new Date(Math.max(ended.ended_at! * 1000, ended.start_date * 1000 + 1)), "canceled"],
    ]);
  });
});
