// What Stripe has for the customers an import names: the customer itself
// (gone or deleted is a problem row) and every subscription of theirs,
// whatever its status, as the webhooks' sync reads them. Read with no
// transaction open (lib/db/transaction-scope.ts), a few customers at a time.
import { stripe } from "@/lib/billing/stripe-client";
import type { SubscriptionRead } from "@/lib/billing/subscription-sync";
import { db } from "@/lib/db/prisma";

export type CustomerRead = { found: true; subscriptions: SubscriptionRead[] } | { found: false; reason: string };

/** Requests to Stripe at once: well inside its rate limit, and a batch of paid members does not wait in line. */
const CONCURRENCY = 4;

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "resource_missing";
}

async function readCustomer(customerId: string, versions: Map<string, number>): Promise<CustomerRead> {
  let customer: Awaited<ReturnType<ReturnType<typeof stripe>["customers"]["retrieve"]>>;
  try {
    customer = await stripe().customers.retrieve(customerId);
  } catch (error) {
    if (!isMissing(error)) throw error;
    return {
      found: false,
      reason: `Stripe has no customer ${customerId} (is STRIPE_SECRET_KEY the publication's account?)`,
    };
  }
  if ("deleted" in customer && customer.deleted) {
    return { found: false, reason: `Stripe customer ${customerId} was deleted` };
  }
  const subscriptions: SubscriptionRead[] = [];
  for await (const subscription of stripe().subscriptions.list({ customer: customerId, status: "all", limit: 100 })) {
    subscriptions.push({ subscription, seenVersion: versions.get(subscription.id) ?? null });
  }
  return { found: true, subscriptions };
}

/** Stripe's answer for each of `customerIds`. */
export async function readCustomerSubscriptions(customerIds: string[]): Promise<Map<string, CustomerRead>> {
  const reads = new Map<string, CustomerRead>();
  if (customerIds.length === 0) return reads;
  // The stored copies' versions before Stripe is asked: a sync that stores
  // one meanwhile makes this read stale (stripe-sync-version.ts).
  const stored = await db().subscription.findMany({
    where: { customerId: { in: customerIds } },
    select: { id: true, syncVersion: true },
  });
  const versions = new Map(stored.map((row) => [row.id, row.syncVersion]));
  let next = 0;
  const worker = async () => {
    while (next < customerIds.length) {
      const customerId = customerIds[next++]!;
      reads.set(customerId, await readCustomer(customerId, versions));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, customerIds.length) }, worker));
  return reads;
}
