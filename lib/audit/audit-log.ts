// The newsroom's audit log: publishing, unpublishing, role changes, comp
// grants and organisations, with who and when. Entries are written in the same transaction as
// the change they describe, so neither exists without the other.
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";

export type AuditAction =
  | "article.publish"
  | "article.schedule"
  | "article.unpublish"
  | "role.change"
  | "comp.grant"
  | "comp.revoke"
  | "taxonomy.merge"
  | "taxonomy.delete"
  | "newsletter.edit"
  | "newsletter.send"
  | "newsletter.test"
  | "readers.export"
  | "import.members"
  | "import.posts"
  | "organisation.create"
  | "organisation.update"
  | "organisation.invite"
  | "organisation.withdraw-invitation"
  | "organisation.join"
  | "organisation.remove-member";

type Writer = Pick<Prisma.TransactionClient, "auditEntry">;

export async function recordAudit(
  writer: Writer,
  actor: Actor,
  entry: { action: AuditAction; subject: string; details?: Prisma.InputJsonObject },
): Promise<void> {
  await writer.auditEntry.create({
    data: {
      actorId: actor.id,
      actor: actor.label,
      action: entry.action,
      subject: entry.subject,
      details: entry.details ?? {},
    },
  });
}

export type AuditPage = {
  entries: { id: string; actor: string; action: string; subject: string; details: Prisma.JsonValue; createdAt: Date }[];
  hasMore: boolean;
};

/** Newest first; admins only. */
export async function listAudit(actor: Actor, options: { page: number; perPage?: number }): Promise<AuditPage> {
  assertRole(actor, "admin");
  const perPage = options.perPage ?? 50;
  const rows = await db().auditEntry.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (options.page - 1) * perPage,
    take: perPage + 1,
    select: { id: true, actor: true, action: true, subject: true, details: true, createdAt: true },
  });
  return { entries: rows.slice(0, perPage), hasMore: rows.length > perPage };
}
