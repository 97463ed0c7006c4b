// Reconciliation: walks every subscription Stripe has and stores its current
// state, so a lost or failed webhook cannot leave a paying reader locked out
// (or a cancelled one reading for free). Run hourly and by
// `npm run billing:reconcile`.
import { db } from "@/lib/db/prisma";
import { stripe } from "./stripe-client";
import { syncSubscription, UnattributableSubscriptionError } from "./subscription-sync";

export type ReconcileReport = { checked: number; repaired: number; unattributable: string[] };

type Snapshot = {
  status: string;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
} | null;

async function snapshot(id: string): Promise<Snapshot> {
  return db().subscription.findUnique({
    where: { id },
    select: { status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, pastDueSince: true },
  });
}

function same(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function reconcileSubscriptions(now = new Date()): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, repaired: 0, unattributable: [] };
  for await (const subscription of stripe().subscriptions.list({ status: "all", limit: 100 })) {
    report.checked += 1;
    const before = await snapshot(subscription.id);
    try {
      await syncSubscription(subscription.id, now);
    } catch (error) {
      if (!(error instanceof UnattributableSubscriptionError)) throw error;
      report.unattributable.push(subscription.id);
      continue;
    }
    if (!same(before, await snapshot(subscription.id))) report.repaired += 1;
  }
  return report;
}
