// What the meter keeps of a deleted account: the free articles it used this
// month, under a keyed hash of its address (meter-key.ts), so that deleting
// the account and signing up again gives no new free articles. Nothing else
// about the person is kept, and only until the month ends: a past month's
// row can never count again, so it is purged (at each deletion, and hourly
// by the job runner, lib/workers/start-workers.ts).
import { env } from "@/lib/config/env";
import type { Prisma } from "@/lib/db/generated/client";
import { meterKey } from "./meter-key";
import { meterPeriod } from "./meter-period";

/** The hourly purge's pg-boss queue. */
export const DEPARTED_METERS_PURGE_QUEUE = "departed-meters-purge";

type Client = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Adds this month's quota unlocks of `owner` to the count kept for their
 * address, inside the deletion's transaction and before the user row (and
 * its unlocks, by cascade) is deleted. The caller holds the user row locked,
 * so no unlock of this month can slip in between the count and the deletion.
 * A count already kept (an earlier account under the same address, deleted
 * this month) is added to, not replaced. A reader who used none keeps no row.
 */
export async function keepDepartedMeter(
  tx: Client,
  owner: { id: string; email: string },
  now = new Date(),
): Promise<void> {
  const { period } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  await tx.$executeRaw`
    INSERT INTO departed_meters (email_key, period, used)
    SELECT ${meterKey(owner.email)}, ${period}, count(*)::int
    FROM article_unlocks
    WHERE user_id = ${owner.id}::uuid AND period = ${period} AND kind = 'quota'
    HAVING count(*) > 0
    ON CONFLICT (email_key, period) DO UPDATE SET used = departed_meters.used + EXCLUDED.used`;
}

/** Deletes the counts of months before the current one; answers how many rows went. */
export async function purgeDepartedMeters(client: Client, now = new Date()): Promise<number> {
  const { period } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  // Periods are "YYYY-MM", so text order is month order.
  return client.$executeRaw`DELETE FROM departed_meters WHERE period < ${period}`;
}
