// The reader's subscriptions as the site shows them and the access decision
// reads them.
import type { SubscriptionForAccess } from "@/lib/access/decide-access";
import { db } from "@/lib/db/prisma";

export type SubscriptionSummary = SubscriptionForAccess & {
  id: string;
  plan: string;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
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
    },
  });
}
