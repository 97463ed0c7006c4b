import { describe, expect, it } from "vitest";
import {
  decideAccess,
  NOTHING_IN_BROWSER,
  type OrganisationForAccess,
  type ReaderForAccess,
  type SubscriptionForAccess,
} from "./decide-access";

const NOW = new Date("2026-11-15T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const policy = { freeArticlesPerMonth: 3, graceDays: 3 };
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const reader = (
  unlockedThisArticle: boolean,
  unlocksThisMonth: number,
  subscriptions: SubscriptionForAccess[] = [],
  compUntil: Date | null = null,
  organisations: OrganisationForAccess[] = [],
): ReaderForAccess => ({ unlockedThisArticle, unlocksThisMonth, subscriptions, compUntil, organisations });

const subscription = (
  status: string,
  periodEndOffset: number,
  pastDueOffset: number | null = null,
  endedOffset: number | null = null,
): SubscriptionForAccess => ({
  status,
  currentPeriodEnd: at(periodEndOffset),
  pastDueSince: pastDueOffset === null ? null : at(pastDueOffset),
  endedAt: endedOffset === null ? null : at(endedOffset),
});

describe("decideAccess", () => {
  it.each([
    ["anonymous, gated article", null, false, "preview", "anonymous"],
    ["anonymous, free article", null, true, "full", "free-article"],
    ["reader, free article", reader(false, 3), true, "full", "free-article"],
    ["reader who unlocked it", reader(true, 3), false, "full", "unlocked"],
    ["reader who unlocked it last month, nothing left", reader(true, 99), false, "full", "unlocked"],
    ["reader with none used", reader(false, 0), false, "preview", "quota-available"],
    ["reader with one left", reader(false, 2), false, "preview", "quota-available"],
    ["reader with all used", reader(false, 3), false, "preview", "quota-exhausted"],
    ["reader over quota (setting lowered)", reader(false, 5), false, "preview", "quota-exhausted"],
  ] as const)("%s", (_label, who, free, level, reason) => {
    expect(decideAccess(who, { free }, policy, NOW)).toEqual({ level, reason });
  });

  it("follows the monthly quota setting", () => {
    expect(decideAccess(reader(false, 3), { free: false }, { ...policy, freeArticlesPerMonth: 5 }, NOW).reason).toBe(
      "quota-available",
    );
  });
});

describe("decideAccess with subscriptions", () => {
  it.each([
    ["active", subscription("active", 20 * DAY), "full", "subscriber"],
    ["active, period end passed (a renewal not yet synced)", subscription("active", -HOUR), "full", "subscriber"],
    ["trialing", subscription("trialing", 7 * DAY), "full", "subscriber"],
    ["past_due within the grace period", subscription("past_due", 25 * DAY, -2 * DAY), "full", "subscriber"],
    ["past_due just before grace ends", subscription("past_due", 25 * DAY, -3 * DAY + 1000), "full", "subscriber"],
    ["past_due when grace has just ended", subscription("past_due", 25 * DAY, -3 * DAY), "preview", "quota-available"],
    ["past_due long past grace", subscription("past_due", 25 * DAY, -10 * DAY), "preview", "quota-available"],
    ["past_due first seen now", subscription("past_due", 25 * DAY), "full", "subscriber"],
    ["canceled at once, with paid time left", subscription("canceled", 5 * DAY, null, -2 * DAY), "full", "subscriber"],
    ["canceled, end date unknown, paid time left", subscription("canceled", 5 * DAY), "full", "subscriber"],
    [
      "canceled at once, paid period just ended",
      subscription("canceled", 0, null, -2 * DAY),
      "preview",
      "quota-available",
    ],
    ["canceled and expired", subscription("canceled", -5 * DAY, null, -5 * DAY), "preview", "quota-available"],
    // Stripe's clock ran ahead of ours (a test clock): it ended at its period end.
    [
      "canceled at its period end, by Stripe's clock",
      subscription("canceled", 30 * DAY, null, 30 * DAY),
      "preview",
      "quota-available",
    ],
    ["incomplete (first payment not made)", subscription("incomplete", 30 * DAY), "preview", "quota-available"],
    ["incomplete_expired", subscription("incomplete_expired", 30 * DAY), "preview", "quota-available"],
    ["unpaid", subscription("unpaid", 30 * DAY), "preview", "quota-available"],
    ["paused", subscription("paused", 30 * DAY), "preview", "quota-available"],
  ] as const)("%s", (_label, sub, level, reason) => {
    expect(decideAccess(reader(false, 0, [sub]), { free: false }, policy, NOW)).toEqual({ level, reason });
  });

  it("an expired subscription leaves the reader on the meter with what they spent", () => {
    expect(decideAccess(reader(false, 3, [subscription("canceled", -DAY)]), { free: false }, policy, NOW).reason).toBe(
      "quota-exhausted",
    );
    expect(decideAccess(reader(true, 3, [subscription("canceled", -DAY)]), { free: false }, policy, NOW).reason).toBe(
      "unlocked",
    );
  });

  it("any one subscription granting access is enough", () => {
    const subs = [subscription("canceled", -30 * DAY, null, -30 * DAY), subscription("active", 30 * DAY)];
    expect(decideAccess(reader(false, 3, subs), { free: false }, policy, NOW).reason).toBe("subscriber");
  });

  it("follows the grace period setting", () => {
    const sub = subscription("past_due", 25 * DAY, -5 * DAY);
    expect(decideAccess(reader(false, 0, [sub]), { free: false }, { ...policy, graceDays: 7 }, NOW).reason).toBe(
      "subscriber",
    );
    expect(decideAccess(reader(false, 0, [sub]), { free: false }, { ...policy, graceDays: 0 }, NOW).reason).toBe(
      "quota-available",
    );
  });
});

describe("decideAccess with complimentary All-Access", () => {
  it.each([
    ["comp running, nothing unlocked, quota spent", reader(false, 3, [], at(30 * DAY)), false, "full", "comp"],
    ["comp with a second to go", reader(false, 0, [], at(1000)), false, "full", "comp"],
    ["comp ending exactly now", reader(false, 3, [], at(0)), false, "preview", "quota-exhausted"],
    ["comp ended yesterday", reader(false, 1, [], at(-DAY)), false, "preview", "quota-available"],
    ["comp ended, article unlocked earlier", reader(true, 3, [], at(-DAY)), false, "full", "unlocked"],
    [
      "comp and a subscription: the subscription is named",
      reader(false, 0, [subscription("active", 20 * DAY)], at(DAY)),
      false,
      "full",
      "subscriber",
    ],
    ["comp, free article", reader(false, 0, [], at(DAY)), true, "full", "free-article"],
  ] as const)("%s", (_label, who, free, level, reason) => {
    expect(decideAccess(who, { free }, policy, NOW)).toEqual({ level, reason });
  });
});

describe("decideAccess with an instant-access grant", () => {
  const granted = { ...NOTHING_IN_BROWSER, grantedThisArticle: true };
  it.each([
    ["anonymous with a grant for this article", null, "full", "registration-gift"],
    ["reader with none left and a grant for this article", reader(false, 3), "full", "registration-gift"],
    ["reader who unlocked it anyway", reader(true, 3), "full", "unlocked"],
    ["subscriber", reader(false, 0, [subscription("active", DAY)]), "full", "subscriber"],
  ] as const)("%s", (_label, who, level, reason) => {
    expect(decideAccess(who, { free: false }, policy, NOW, granted)).toEqual({ level, reason });
  });

  it("without a grant for this article the preview stays", () => {
    expect(decideAccess(null, { free: false }, policy, NOW, NOTHING_IN_BROWSER)).toEqual({
      level: "preview",
      reason: "anonymous",
    });
  });
});

describe("decideAccess with a gift link", () => {
  const gifted = { ...NOTHING_IN_BROWSER, giftedThisArticle: true };
  it.each([
    ["anonymous recipient", null, "full", "gift"],
    ["signed-in recipient with free articles left: none is spent", reader(false, 0), "full", "gift"],
    ["signed-in recipient with none left", reader(false, 3), "full", "gift"],
    ["recipient who had unlocked it", reader(true, 3), "full", "unlocked"],
    ["subscriber", reader(false, 0, [subscription("active", DAY)]), "full", "subscriber"],
  ] as const)("%s", (_label, who, level, reason) => {
    expect(decideAccess(who, { free: false }, policy, NOW, gifted)).toEqual({ level, reason });
  });

  it("a gift with an instant-access grant as well is named a gift", () => {
    expect(decideAccess(null, { free: false }, policy, NOW, { ...gifted, grantedThisArticle: true }).reason).toBe(
      "gift",
    );
  });
});

describe("decideAccess with an organisation", () => {
  // Runs from the start of yesterday to the end of tomorrow.
  const running: OrganisationForAccess = { startsAt: at(-DAY), endsAt: at(DAY) };
  const ended: OrganisationForAccess = { startsAt: at(-30 * DAY), endsAt: at(0) };
  const endsInASecond: OrganisationForAccess = { startsAt: at(-30 * DAY), endsAt: at(1000) };
  const notStarted: OrganisationForAccess = { startsAt: at(HOUR), endsAt: at(30 * DAY) };
  const byAddress = (organisations: OrganisationForAccess[]) => ({
    ...NOTHING_IN_BROWSER,
    addressOrganisations: organisations,
  });
  it.each([
    [
      "member (seat or domain), quota spent",
      reader(false, 3, [], null, [running]),
      NOTHING_IN_BROWSER,
      "full",
      "organisation",
    ],
    [
      "member, a second before the end",
      reader(false, 3, [], null, [endsInASecond]),
      NOTHING_IN_BROWSER,
      "full",
      "organisation",
    ],
    [
      "member, ended exactly now",
      reader(false, 3, [], null, [ended]),
      NOTHING_IN_BROWSER,
      "preview",
      "quota-exhausted",
    ],
    [
      "member, not started yet",
      reader(false, 0, [], null, [notStarted]),
      NOTHING_IN_BROWSER,
      "preview",
      "quota-available",
    ],
    [
      "one ended, one running",
      reader(false, 3, [], null, [ended, running]),
      NOTHING_IN_BROWSER,
      "full",
      "organisation",
    ],
    ["anonymous from the organisation's address", null, byAddress([running]), "full", "organisation"],
    ["anonymous from an ended organisation's address", null, byAddress([ended]), "preview", "anonymous"],
    [
      "signed-in reader from the organisation's address",
      reader(false, 3),
      byAddress([running]),
      "full",
      "organisation",
    ],
    [
      "subscriber who is also a member: the subscription is named",
      reader(false, 0, [subscription("active", DAY)], null, [running]),
      NOTHING_IN_BROWSER,
      "full",
      "subscriber",
    ],
    [
      "comp and a member: the comp is named",
      reader(false, 0, [], at(DAY), [running]),
      NOTHING_IN_BROWSER,
      "full",
      "comp",
    ],
  ] as const)("%s", (_label, who, browser, level, reason) => {
    expect(decideAccess(who, { free: false }, policy, NOW, browser)).toEqual({ level, reason });
  });
});
