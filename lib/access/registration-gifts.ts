// The registration gift (docs/paywall.md): the article a reader was on when
// they first gave their address is theirs, outside the monthly quota. With
// instant access it is read at once through a grant cookie, before the
// address is confirmed; on confirmation it becomes an unlock of the account,
// readable on every device.
//
// One gift per address ever, kept by the keyed hash of the normalised address
// (meterKey), which outlives a deleted account. Grants per client address
// per hour are bounded by INSTANT_ACCESS_LIMIT_PER_IP.
import { hashIp } from "@/lib/auth/sign-in-requests";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { countEvent } from "@/lib/insights/count-event";
import { EVENT_METRICS } from "@/lib/insights/insight-metrics";
import { meterKey } from "./meter-key";
import { meterPeriod } from "./meter-period";

export type GiftClaim = { given: true } | { given: false; reason: "already-given" | "ip-limit" };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Records the gift of `articleId` to `email`, typed from `ip`. Refused when
 * the address had its gift already, or when `ip` reached the hour's limit
 * (counted only when `limitByIp`: instant access, where the gift is read
 * before anyone proved the address). Concurrent claims from one client
 * address count one after another; the address's key decides between
 * concurrent claims of one address.
 */
export async function claimRegistrationGift(input: {
  email: string;
  articleId: string;
  ip: string;
  limitByIp: boolean;
  now?: Date;
}): Promise<GiftClaim> {
  const now = input.now ?? new Date();
  const ipHash = hashIp(input.ip);
  const emailKey = meterKey(input.email);
  return db().$transaction(async (tx) => {
    if (input.limitByIp) {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`gift-ip:${ipHash}`}))::text`;
      const recent = await tx.registrationGift.count({
        where: { ipHash, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } },
      });
      if (recent >= env().INSTANT_ACCESS_LIMIT_PER_IP) return { given: false, reason: "ip-limit" } as const;
    }
    const inserted = await tx.$executeRaw`
      INSERT INTO registration_gifts (email_key, article_id, ip_hash, created_at)
      VALUES (${emailKey}, ${input.articleId}::uuid, ${ipHash}, ${now})
      ON CONFLICT (email_key) DO NOTHING`;
    if (inserted !== 1) return { given: false, reason: "already-given" } as const;
    // Read at once only with instant access (limitByIp): that is the funnel's gift.
    if (input.limitByIp) await countEvent(tx, EVENT_METRICS.gift, input.articleId, now);
    return { given: true } as const;
  });
}

/**
 * At the confirmation of `email` (a sign-in by link or code): its gift, if
 * one waits, becomes an unlock of the account outside the quota. One
 * statement, so a gift is confirmed once even by two sign-ins at once.
 */
export async function confirmRegistrationGift(email: string, now = new Date()): Promise<void> {
  const { period } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  await db().$executeRaw`
    WITH reader AS (SELECT id FROM users WHERE email = ${email}),
         gift AS (
           UPDATE registration_gifts SET user_id = (SELECT id FROM reader), confirmed_at = ${now}
           WHERE email_key = ${meterKey(email)} AND confirmed_at IS NULL AND EXISTS (SELECT 1 FROM reader)
           RETURNING article_id)
    INSERT INTO article_unlocks (user_id, article_id, period, kind, created_at)
    SELECT (SELECT id FROM reader), article_id, ${period}, 'registration_gift', ${now}
    FROM gift WHERE article_id IS NOT NULL
    ON CONFLICT (user_id, article_id) DO NOTHING`;
}
