// The reader's subscriptions as the site shows them and the access decision
// reads them. The fields are spelled out here rather than borrowed from
// lib/access: billing sits below access (docs/architecture.md), and a summary
// still fits the decision's SubscriptionForAccess by its shape.
import { db } from "@/lib/db/prisma";

export type SubscriptionSummary = {
  id: string;
  status: string;
  plan: string;
  /** The end of the period the reader has paid for. */
  currentPeriodEnd: Date;
  /** When the subscription was first seen past_due (a failed renewal). */
  pastDueSince: Date | null;
  /** When a cancelled subscription ended, by Stripe's clock. */
  endedAt: Date | null;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  /** The end of its free trial, if it had one; while it is trialing, also currentPeriodEnd. */
  trialEnd: Date | null;
};

export async function listSubscriptions(userId: string): Promise<SubscriptionSummary[]> {
  return db().subscription.findMany({
    where: { userId },
    orderBy: { currentPeriodEnd: "desc" },
    select: {
      id: true,
      status: true,
      plan: true,
      currentPeriodEnd: true,
      pastDueSince: true,
      endedAt: true,
      cancelAtPeriodEnd: true,
      cancelAt: true,
      trialEnd: true,
    },
  });
}
