// Granting and revoking complimentary All-Access (admins). The change and its
// audit entry are one transaction; the reader's row is locked so that two
// admins acting at once are applied, and logged, in turn.
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { isUserId } from "./reader-profile";
import { compUntilFromDate } from "./comp-until";

export type GrantResult =
  { kind: "granted"; email: string; until: Date } | { kind: "invalid-date"; message: string } | { kind: "not-found" };

export type RevokeResult =
  { kind: "revoked"; email: string } | { kind: "not-comped"; email: string } | { kind: "not-found" };

type Locked = { id: string; email: string; comp_until: Date | null };

/** All-Access until the end of `day` (YYYY-MM-DD, publication time zone). */
export async function grantComp(
  actor: Actor,
  input: { userId: string; day: unknown },
  now = new Date(),
): Promise<GrantResult> {
  assertRole(actor, "admin");
  const parsed = compUntilFromDate(input.day, env().PUBLICATION_TIMEZONE, now);
  if (!parsed.ok) return { kind: "invalid-date", message: parsed.message };
  if (!isUserId(input.userId)) return { kind: "not-found" };
  return db().$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<Locked[]>`
      SELECT id::text, email, comp_until FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
    if (!user) return { kind: "not-found" } as const;
    await tx.user.update({ where: { id: user.id }, data: { compUntil: parsed.until } });
    await recordAudit(tx, actor, {
      action: "comp.grant",
      subject: user.email,
      details: { until: parsed.until.toISOString(), previous: user.comp_until?.toISOString() ?? null },
    });
    return { kind: "granted", email: user.email, until: parsed.until } as const;
  });
}

/** Ends complimentary access now. Revoking one that already ended only clears it. */
export async function revokeComp(actor: Actor, input: { userId: string }, now = new Date()): Promise<RevokeResult> {
  assertRole(actor, "admin");
  if (!isUserId(input.userId)) return { kind: "not-found" };
  return db().$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<Locked[]>`
      SELECT id::text, email, comp_until FROM users WHERE id = ${input.userId}::uuid FOR UPDATE`;
    if (!user) return { kind: "not-found" } as const;
    if (user.comp_until === null) return { kind: "not-comped", email: user.email } as const;
    await tx.user.update({ where: { id: user.id }, data: { compUntil: null } });
    const wasRunning = user.comp_until.getTime() > now.getTime();
    if (!wasRunning) return { kind: "not-comped", email: user.email } as const;
    await recordAudit(tx, actor, {
      action: "comp.revoke",
      subject: user.email,
      details: { until: user.comp_until.toISOString() },
    });
    return { kind: "revoked", email: user.email } as const;
  });
}
