// Where a reader came from, so that what they do later counts for it: today
// one origin, a gift link (lib/gifts). A gift's sign-up is recorded with the
// account (table reader_origins, one row per account, gone with it); when
// that reader's subscription first gives access, the sync from Stripe
// (lib/billing/subscription-sync.ts) counts it on the gift's article too.
// The billing code knows nothing of gifts: it asks here, in its transaction.
import type { Prisma } from "@/lib/db/prisma";
import { countEvent } from "./count-event";
import { GIFT_METRICS } from "./insight-metrics";

type Client = Pick<Prisma.TransactionClient, "$executeRaw" | "$queryRaw">;

export type ReaderOrigin = "gift";

const SUBSCRIPTION_METRIC: Record<ReaderOrigin, string> = { gift: GIFT_METRICS.subscription };
const SIGNUP_METRIC: Record<ReaderOrigin, string> = { gift: GIFT_METRICS.signup };

/**
 * Records that the new account `userId` came through `origin` on `articleId`
 * and counts its sign-up; false (nothing counted) when the account has an
 * origin already or no longer exists.
 */
export async function recordReaderOrigin(
  client: Client,
  { userId, origin, articleId }: { userId: string; origin: ReaderOrigin; articleId: string },
  now = new Date(),
): Promise<boolean> {
  const inserted = await client.$executeRaw`
    INSERT INTO reader_origins (user_id, origin, article_id, created_at)
    SELECT id, ${origin}, ${articleId}::uuid, ${now}::timestamptz FROM users WHERE id = ${userId}::uuid
    ON CONFLICT (user_id) DO NOTHING`;
  if (inserted === 0) return false;
  await countEvent(client, SIGNUP_METRIC[origin], articleId, now);
  return true;
}

/** Counts a subscription that just started for `userId` on the article of the reader's origin, if any. */
export async function countOriginSubscription(client: Client, userId: string, now = new Date()): Promise<void> {
  const [row] = await client.$queryRaw<{ origin: string; articleId: string }[]>`
    SELECT origin, article_id::text AS "articleId" FROM reader_origins WHERE user_id = ${userId}::uuid`;
  const metric = row && SUBSCRIPTION_METRIC[row.origin as ReaderOrigin];
  if (metric) await countEvent(client, metric, row.articleId, now);
}
