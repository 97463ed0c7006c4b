import { describe, expect, it } from "vitest";
import { revenueTimeline, type HistoryRow } from "./revenue-timeline";

const at = (day: string) => new Date(`${day}T00:00:00Z`);
const period = (from: string, to: string) => ({ from: at(from), to: at(to) });

function row(subscriptionId: string, day: string, status: string, overrides: Partial<HistoryRow> = {}): HistoryRow {
  return {
    subscriptionId,
    at: at(day),
    status,
    plan: "monthly",
    amount: 1200,
    currency: "eur",
    interval: "month",
    ...overrides,
  };
}

const annual = { plan: "annual", amount: 12000, interval: "year" };

describe("revenueTimeline", () => {
  it("counts active and past_due as paying, a trial apart, and nothing else", () => {
    const rows = [
      row("a", "2021-01-01", "active"),
      row("b", "2021-01-01", "past_due"),
      row("c", "2021-01-01", "trialing"),
      row("d", "2021-01-01", "incomplete"),
      row("e", "2021-01-01", "unpaid"),
      row("f", "2021-01-01", "paused"),
    ];
    const [totals] = revenueTimeline(rows, [period("2021-01-01", "2021-02-01")]);
    // a and b: 2 × 1200.
    expect(totals!.atEnd).toEqual({ mrr: { eur: 2400 }, active: 2, activeByPlan: { monthly: 2 }, trialing: 1 });
    expect(totals!.newSubscribers).toBe(2);
  });

  it("rounds MRR once per currency, not once per subscription", () => {
    const usdAnnual = { plan: "annual_usd", amount: 10000, currency: "usd", interval: "year" };
    const rows = [row("a", "2021-01-01", "active", usdAnnual), row("b", "2021-01-01", "active", usdAnnual)];
    // 2 × 10000 / 12 = 1666.67 → 1667 (833 + 833 = 1666 if each were rounded).
    expect(revenueTimeline(rows, [period("2021-01-01", "2021-02-01")])[0]!.atEnd.mrr).toEqual({ usd: 1667 });
  });

  it("counts a change at the period's end in the next period", () => {
    const rows = [row("a", "2021-02-01", "active")];
    const [january, february] = revenueTimeline(rows, [
      period("2021-01-01", "2021-02-01"),
      period("2021-02-01", "2021-03-01"),
    ]);
    expect([january!.newSubscribers, january!.atEnd.active]).toEqual([0, 0]);
    expect([february!.newSubscribers, february!.atStart.active, february!.atEnd.active]).toEqual([1, 0, 1]);
  });

  it("does not count the state before the first period as new, and counts an upgrade as neither", () => {
    const rows = [row("a", "2020-12-01", "active"), row("a", "2021-01-10", "active", annual)];
    const [totals] = revenueTimeline(rows, [period("2021-01-01", "2021-02-01")]);
    expect(totals).toEqual({
      atStart: { mrr: { eur: 1200 }, active: 1, activeByPlan: { monthly: 1 }, trialing: 0 },
      // 12000 / 12 = 1000.
      atEnd: { mrr: { eur: 1000 }, active: 1, activeByPlan: { annual: 1 }, trialing: 0 },
      newSubscribers: 0,
      churned: 0,
    });
  });

  it("counts churn when paying stops, and a return to paying as new again", () => {
    const rows = [
      row("a", "2020-12-01", "active"),
      row("a", "2021-01-05", "past_due"),
      row("a", "2021-01-20", "unpaid"),
      row("a", "2021-02-03", "active"),
      row("b", "2021-01-02", "trialing"),
      row("b", "2021-01-16", "canceled"),
    ];
    const [january, february] = revenueTimeline(rows, [
      period("2021-01-01", "2021-02-01"),
      period("2021-02-01", "2021-03-01"),
    ]);
    // January: a churns (unpaid); b's trial ends unconverted, neither new nor churn.
    expect([january!.atStart.active, january!.newSubscribers, january!.churned, january!.atEnd.active]).toEqual([
      1, 0, 1, 0,
    ]);
    expect(january!.atEnd.trialing).toBe(0);
    // February: a pays again.
    expect([february!.newSubscribers, february!.churned, february!.atEnd.active]).toEqual([1, 0, 1]);
  });

  it("answers each period, also overlapping ones and in any order", () => {
    const rows = [row("a", "2021-01-10", "active"), row("a", "2021-01-20", "canceled")];
    const totals = revenueTimeline(rows, [period("2021-01-15", "2021-02-01"), period("2021-01-01", "2021-01-16")]);
    expect(totals.map((t) => [t.newSubscribers, t.churned, t.atEnd.active])).toEqual([
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it("answers nothing for no periods, and zeros for no rows", () => {
    expect(revenueTimeline([row("a", "2021-01-01", "active")], [])).toEqual([]);
    const empty = { mrr: {}, active: 0, activeByPlan: {}, trialing: 0 };
    expect(revenueTimeline([], [period("2021-01-01", "2021-02-01")])).toEqual([
      { atStart: empty, atEnd: empty, newSubscribers: 0, churned: 0 },
    ]);
  });
});
