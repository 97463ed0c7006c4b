import { describe, expect, it } from "vitest";
import { offerCodeFrom, shownCode } from "./offer-code";
import { offerAppliesTo, planTerms } from "./offer-terms";
import type { CouponTerms, Offer } from "./offers";

const monthly = { key: "monthly" as const, amount: 1200, currency: "usd", interval: "month" as const };
const annual = { key: "annual" as const, amount: 12000, currency: "usd", interval: "year" as const };

function discount(coupon: Partial<CouponTerms>, plans: Offer["plans"] = null): Offer {
  return {
    kind: "discount",
    code: "CODE",
    promotionCodeId: "promo_x",
    plans,
    coupon: {
      percentOff: null,
      amountOff: null,
      currency: null,
      duration: "once",
      durationInMonths: null,
      ...coupon,
    },
  };
}

const trial: Offer = { kind: "trial", code: "READ-30", promotionCodeId: "promo_y", plans: null, trialDays: 30 };

describe("planTerms", () => {
  it.each([
    [
      "$7 off a month for 3 months",
      discount({ amountOff: 700, currency: "usd", duration: "repeating", durationInMonths: 3 }),
      monthly,
      "$5.00 a month for 3 months, then $12.00 a month",
    ],
    [
      "the same coupon on an annual plan: its first invoice",
      discount({ amountOff: 700, currency: "usd", duration: "repeating", durationInMonths: 3 }),
      annual,
      "$113.00 for the first year, then $120.00 a year",
    ],
    ["25% off once", discount({ percentOff: 25 }), monthly, "$9.00 for the first month, then $12.00 a month"],
    [
      "33.5% off forever, rounded to the cent",
      discount({ percentOff: 33.5, duration: "forever" }),
      monthly,
      "$7.98 a month for as long as you subscribe, instead of $12.00 a month",
    ],
    [
      "100% off for 2 months",
      discount({ percentOff: 100, duration: "repeating", durationInMonths: 2 }),
      monthly,
      "Free for 2 months, then $12.00 a month",
    ],
    [
      "more off than the price",
      discount({ amountOff: 5000, currency: "usd" }),
      monthly,
      "Free for the first month, then $12.00 a month",
    ],
    ["a trial offer", trial, monthly, "30 days free, then $12.00 a month"],
  ])("%s", (_label, offer, plan, expected) => {
    expect(planTerms(plan, offer, 0)).toBe(expected);
  });

  it("states the default trial without an offer, and nothing without either", () => {
    expect(planTerms(monthly, null, 14)).toBe("14 days free, then $12.00 a month");
    expect(planTerms(annual, null, 1)).toBe("1 day free, then $120.00 a year");
    expect(planTerms(monthly, null, 0)).toBeNull();
  });

  it("lets an offer's own terms take the place of the default trial", () => {
    expect(planTerms(monthly, trial, 14)).toBe("30 days free, then $12.00 a month");
    expect(planTerms(monthly, discount({ percentOff: 50 }), 14)).toBe("$6.00 for the first month, then $12.00 a month");
  });
});

describe("offerAppliesTo", () => {
  it("keeps an offer to the plans it names and to an amount in the plan's currency", () => {
    expect(offerAppliesTo(discount({ percentOff: 10 }, ["monthly"]), monthly)).toBe(true);
    expect(offerAppliesTo(discount({ percentOff: 10 }, ["monthly"]), annual)).toBe(false);
    expect(offerAppliesTo(discount({ amountOff: 500, currency: "eur" }), monthly)).toBe(false);
    expect(offerAppliesTo(discount({ amountOff: 500, currency: "USD" }), monthly)).toBe(true);
    expect(offerAppliesTo(trial, annual)).toBe(true);
  });
});

describe("offerCodeFrom", () => {
  it.each([
    ["a code", "SPRING-5", "SPRING-5"],
    ["the first of two", ["read-30", "OTHER"], "read-30"],
    ["500 characters", "A".repeat(500), "A".repeat(500)],
  ])("takes %s", (_label, value, expected) => {
    expect(offerCodeFrom(value)).toBe(expected);
  });

  it.each([
    ["10,000 characters", "A".repeat(10_000)],
    ["spaces", "SPRING 5"],
    ["markup", "<script>alert(1)</script>"],
    ["a path", "../../v1/customers"],
    ["non-ASCII letters", "ÉTÉ-5"],
    ["a control character", "SPRING\u00005"],
  ])("refuses %s without looking it up", (_label, value) => {
    expect(offerCodeFrom(value)).toBe("malformed");
  });

  it("has nothing for a link without an offer", () => {
    expect(offerCodeFrom(undefined)).toBeNull();
    expect(offerCodeFrom("")).toBeNull();
  });

  it("shortens a long code before a sentence shows it", () => {
    expect(shownCode("SPRING-5")).toBe("SPRING-5");
    expect(shownCode("A".repeat(100))).toBe(`${"A".repeat(37)}…`);
  });
});
