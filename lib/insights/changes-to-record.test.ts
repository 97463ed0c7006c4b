import { describe, expect, it } from "vitest";
import { changesToRecord } from "./changes-to-record";
import { changeFieldsOf, type RecordedChange, type SubscriptionFacts } from "./subscription-change";

const NOW = new Date("2026-12-07T12:00:00Z");
const DAY = 86_400;
const seconds = (iso: string) => new Date(iso).getTime() / 1000;
const JAN_1 = seconds("2026-01-01T00:00:00Z");

function subscription(overrides: Partial<SubscriptionFacts> = {}): SubscriptionFacts {
  return {
    id: "sub_1",
    status: "active",
    start_date: JAN_1,
    ended_at: null,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: false,
    items: {
      data: [
        {
          quantity: 1,
          price: {
            id: "price_1",
            lookup_key: "monthly",
            unit_amount: 1200,
            currency: "eur",
            recurring: { interval: "month", interval_count: 1 },
          },
        },
      ],
    },
    ...overrides,
  };
}

const recorded = (facts: SubscriptionFacts, at: string): RecordedChange => ({
  ...changeFieldsOf(facts),
  at: new Date(at),
});

/** The rows as [status, at] pairs: what the timing rules decide. */
const timeline = (rows: RecordedChange[]) => rows.map((row) => [row.status, row.at.toISOString()]);

describe("changesToRecord, after an earlier row", () => {
  const latest = recorded(subscription(), "2026-06-01T00:00:00.000Z");

  it("adds nothing when nothing revenue reads has changed", () => {
    expect(changesToRecord(subscription(), latest, NOW)).toEqual([]);
  });

  it("dates a change when Folio hears of it", () => {
    const rows = changesToRecord(subscription({ cancel_at_period_end: true }), latest, NOW);
    expect(rows).toEqual([{ ...changeFieldsOf(subscription()), cancelAtPeriodEnd: true, at: NOW }]);
  });

  it("dates an end at Stripe's ended_at, not at the late webhook", () => {
    const ended = subscription({ status: "canceled", ended_at: seconds("2026-12-01T00:00:00Z") });
    expect(timeline(changesToRecord(ended, latest, NOW))).toEqual([["canceled", "2026-12-01T00:00:00.000Z"]]);
  });

  it("never dates a row before the latest one, nor after now", () => {
    const early = subscription({ status: "canceled", ended_at: seconds("2026-05-01T00:00:00Z") });
    expect(timeline(changesToRecord(early, latest, NOW))).toEqual([["canceled", "2026-06-01T00:00:00.001Z"]]);
    const future = subscription({ status: "canceled", ended_at: NOW.getTime() / 1000 + DAY });
    expect(timeline(changesToRecord(future, latest, NOW))).toEqual([["canceled", NOW.toISOString()]]);
  });

  it("dates a trial's conversion at its trial_end", () => {
    const trial = subscription({ trial_start: JAN_1, trial_end: seconds("2026-12-05T00:00:00Z") });
    const trialing = recorded({ ...trial, status: "trialing" }, "2026-11-21T00:00:00.000Z");
    expect(timeline(changesToRecord(trial, trialing, NOW))).toEqual([["active", "2026-12-05T00:00:00.000Z"]]);
  });
});

describe("changesToRecord, for a subscription never recorded", () => {
  it.each([
    ["paying since its start", subscription(), [["active", "2026-01-01T00:00:00.000Z"]]],
    [
      "started after now by another clock: now",
      subscription({ start_date: NOW.getTime() / 1000 + 60 }),
      [["active", NOW.toISOString()]],
    ],
    [
      "in its trial",
      subscription({ status: "trialing", trial_start: JAN_1, trial_end: JAN_1 + 14 * DAY }),
      [["trialing", "2026-01-01T00:00:00.000Z"]],
    ],
    [
      "paying after a trial",
      subscription({ trial_start: JAN_1, trial_end: JAN_1 + 14 * DAY }),
      [
        ["trialing", "2026-01-01T00:00:00.000Z"],
        ["active", "2026-01-15T00:00:00.000Z"],
      ],
    ],
    [
      "ended: paying from its start to its end",
      subscription({ status: "canceled", ended_at: JAN_1 + 90 * DAY }),
      [
        ["active", "2026-01-01T00:00:00.000Z"],
        ["canceled", "2026-04-01T00:00:00.000Z"],
      ],
    ],
    [
      "ended after a trial it converted",
      subscription({ status: "canceled", trial_start: JAN_1, trial_end: JAN_1 + 14 * DAY, ended_at: JAN_1 + 90 * DAY }),
      [
        ["trialing", "2026-01-01T00:00:00.000Z"],
        ["active", "2026-01-15T00:00:00.000Z"],
        ["canceled", "2026-04-01T00:00:00.000Z"],
      ],
    ],
    [
      "a trial canceled before it ended: never paying",
      subscription({ status: "canceled", trial_start: JAN_1, trial_end: JAN_1 + 14 * DAY, ended_at: JAN_1 + 3 * DAY }),
      [
        ["trialing", "2026-01-01T00:00:00.000Z"],
        ["canceled", "2026-01-04T00:00:00.000Z"],
      ],
    ],
    [
      "an incomplete payment that expired: never paying",
      subscription({ status: "incomplete_expired", ended_at: JAN_1 + DAY }),
      [["incomplete_expired", "2026-01-02T00:00:00.000Z"]],
    ],
    [
      "ended the second it started: both rows, in order",
      subscription({ status: "canceled", ended_at: JAN_1 }),
      [
        ["active", "2026-01-01T00:00:00.000Z"],
        ["canceled", "2026-01-01T00:00:00.001Z"],
      ],
    ],
  ])("%s", (_label, facts, expected) => {
    expect(timeline(changesToRecord(facts, null, NOW))).toEqual(expected);
  });

  it("gives every reconstructed row the plan and price Stripe shows now", () => {
    const rows = changesToRecord(subscription({ status: "canceled", ended_at: JAN_1 + DAY }), null, NOW);
    expect(rows.map(({ plan, amount, currency, interval }) => ({ plan, amount, currency, interval }))).toEqual([
      { plan: "monthly", amount: 1200, currency: "eur", interval: "month" },
      { plan: "monthly", amount: 1200, currency: "eur", interval: "month" },
    ]);
  });
});
