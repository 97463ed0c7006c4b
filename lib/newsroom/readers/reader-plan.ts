// What a reader has, in one word for the newsroom's lists: the paid plan
// that gives access now, comp, or free. The rule for "gives access now" is
// the access decision's own (subscriptionGrantsAccess), not a copy of it.
import { compGrantsAccess, subscriptionGrantsAccess, type SubscriptionForAccess } from "@/lib/access/decide-access";
import { planKeyFor } from "@/lib/billing/plans";
import { env } from "@/lib/config/env";

export type ReaderPlan = "monthly" | "annual" | "other-plan" | "comp" | "free";

export type SubscriptionFacts = SubscriptionForAccess & { plan: string };

/** The plan of the subscription that gives access now, if any. */
export function paidPlan(subscriptions: SubscriptionFacts[], now: Date): "monthly" | "annual" | "other-plan" | null {
  const current = subscriptions.find((subscription) =>
    subscriptionGrantsAccess(subscription, now, env().SUBSCRIPTION_GRACE_DAYS),
  );
  if (!current) return null;
  return planKeyFor(current.plan) ?? "other-plan";
}

export function readerPlan(subscriptions: SubscriptionFacts[], compUntil: Date | null, now: Date): ReaderPlan {
  return paidPlan(subscriptions, now) ?? (compGrantsAccess(compUntil, now) ? "comp" : "free");
}

export const PLAN_LABELS: Record<ReaderPlan, string> = {
  monthly: "All-Access, monthly",
  annual: "All-Access, annual",
  "other-plan": "All-Access (another price)",
  comp: "Complimentary All-Access",
  free: "Free tier",
};
