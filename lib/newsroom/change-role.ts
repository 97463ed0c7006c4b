// Granting and revoking newsroom roles: admins in the UI, or the command line
// for the first admin. The change and its audit entry are one transaction.
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Role } from "@/lib/auth/roles";

export type RoleChange =
  | { kind: "changed"; userId: string; from: Role; to: Role; created: boolean }
  | { kind: "unchanged"; userId: string; role: Role }
  | { kind: "invalid-email" }
  | { kind: "not-found" }
  | { kind: "own-admin-role" };

/**
 * Gives the person with this address the role. `createIfMissing` makes an
 * account for an address that never signed in (the command line's first
 * admin); the UI only changes existing readers.
 */
export async function changeRole(
  actor: Actor,
  input: { email: string; role: Role; createIfMissing?: boolean },
): Promise<RoleChange> {
  assertRole(actor, "admin");
  const email = normalizeEmail(input.email);
  if (!email) return { kind: "invalid-email" };
  return db().$transaction(async (tx) => {
    // Locked, so two admins changing the same person are applied in turn.
    const [existing] = await tx.$queryRaw<{ id: string; role: Role }[]>`
      SELECT id, role FROM users WHERE email = ${email} FOR UPDATE`;
    if (!existing && !input.createIfMissing) return { kind: "not-found" } as const;
    // An admin cannot demote themselves: the last admin could lock everyone out.
    if (existing && existing.id === actor.id && input.role !== "admin") return { kind: "own-admin-role" } as const;
    if (existing?.role === input.role) return { kind: "unchanged", userId: existing.id, role: existing.role } as const;
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role: input.role }, select: { id: true } })
      : await tx.user.create({ data: { email, role: input.role }, select: { id: true } });
    const from: Role = existing?.role ?? "reader";
    await recordAudit(tx, actor, { action: "role.change", subject: email, details: { from, to: input.role } });
    return { kind: "changed", userId: user.id, from, to: input.role, created: !existing } as const;
  });
}
