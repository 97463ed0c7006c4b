// Confirmation links for account changes (a new email address, deleting the
// account). The raw token only ever exists in the email; PostgreSQL keeps its
// SHA-256. A token works once and expires.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";

export type AccountTokenPurpose = "email_change" | "deletion";

const LIFETIME_MINUTES = 60;
const PER_QUARTER_HOUR = 3;

/** What a token in a link looks like (32 random bytes, base64url). */
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type IssuedToken = { issued: true; token: string } | { issued: false; reason: "limited" };

/** A new token, unless the reader already asked for three in 15 minutes. */
export async function issueAccountToken(
  userId: string,
  purpose: AccountTokenPurpose,
  newEmail: string | null = null,
  now = new Date(),
): Promise<IssuedToken> {
  const since = new Date(now.getTime() - 15 * 60_000);
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const recent = await tx.accountToken.count({ where: { userId, purpose, createdAt: { gt: since } } });
    if (recent >= PER_QUARTER_HOUR) return { issued: false, reason: "limited" } as const;
    const token = randomBytes(32).toString("base64url");
    await tx.accountToken.create({
      data: {
        tokenHash: hashToken(token),
        userId,
        purpose,
        newEmail,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LIFETIME_MINUTES * 60_000),
      },
    });
    return { issued: true, token } as const;
  });
}

export type ConsumedToken = { userId: string; newEmail: string | null };

/** Uses the token up: the one DELETE makes two clicks consume it once. */
export async function consumeAccountToken(
  token: string,
  purpose: AccountTokenPurpose,
  now = new Date(),
): Promise<ConsumedToken | null> {
  const rows = await db().$queryRaw<{ user_id: string; new_email: string | null }[]>`
    DELETE FROM account_tokens
    WHERE token_hash = ${hashToken(token)} AND purpose = ${purpose}::"AccountTokenPurpose" AND expires_at > ${now}
    RETURNING user_id::text, new_email`;
  const row = rows[0];
  return row ? { userId: row.user_id, newEmail: row.new_email } : null;
}
