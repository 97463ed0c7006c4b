// Keeps subscription_changes, the history revenue is computed from
// (docs/insights.md, "Revenue"): every sync of a subscription from Stripe
// adds a row when what revenue reads has changed since the last one.
import type { Prisma } from "@/lib/db/prisma";
import { changesToRecord } from "./changes-to-record";
import type { SubscriptionFacts } from "./subscription-change";

/**
 * Records `subscription` as Stripe gave it, if it differs from its latest
 * row. Call it in the transaction that wrote the subscription's synced row,
 * after that write: the row's lock puts the syncs of one subscription in
 * order, so the latest row cannot change between reading it and adding one.
 */
export async function recordSubscriptionChange(
  tx: Prisma.TransactionClient,
  subscription: SubscriptionFacts,
  now: Date,
): Promise<void> {
  const latest = await tx.subscriptionChange.findFirst({
    where: { subscriptionId: subscription.id },
    orderBy: { at: "desc" },
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
  const rows = changesToRecord(
    subscription,
    latest && { ...latest, interval: latest.interval === "year" ? "year" : "month" },
    now,
  );
  if (rows.length === 0) return;
  await tx.subscriptionChange.createMany({ data: rows.map((row) => ({ subscriptionId: subscription.id, ...row })) });
}
