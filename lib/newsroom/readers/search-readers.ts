// Finding readers by email address (admins): any part of the address, the
// addresses that start with it first. Addresses are stored normalised (lower
// case), so the query is too. strpos rather than LIKE: nothing in the query
// is a wildcard.
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { readerPlan, type ReaderPlan } from "./reader-plan";

export type ReaderRow = { id: string; email: string; role: Role; createdAt: Date; plan: ReaderPlan };
export type ReaderSearch = { readers: ReaderRow[]; hasMore: boolean };

export const READERS_PER_PAGE = 25;
const MAX_QUERY = 254;

type Row = { id: string; email: string; role: Role; created_at: Date; comp_until: Date | null };

/** An empty query lists everyone, newest first. */
export async function searchReaders(
  actor: Actor,
  input: { query: string; page: number; perPage?: number },
  now = new Date(),
): Promise<ReaderSearch> {
  assertRole(actor, "admin");
  const perPage = input.perPage ?? READERS_PER_PAGE;
  const query = input.query.trim().toLowerCase().slice(0, MAX_QUERY);
  const offset = (Math.max(1, input.page) - 1) * perPage;
  const rows =
    query === ""
      ? await db().$queryRaw<Row[]>`
          SELECT id::text, email, role::text AS role, created_at, comp_until FROM users
          ORDER BY created_at DESC, id LIMIT ${perPage + 1} OFFSET ${offset}`
      : await db().$queryRaw<Row[]>`
          SELECT id::text, email, role::text AS role, created_at, comp_until FROM users
          WHERE strpos(email, ${query}) > 0
          ORDER BY strpos(email, ${query}) = 1 DESC, email, id LIMIT ${perPage + 1} OFFSET ${offset}`;
  const page = rows.slice(0, perPage);
  const subscriptions = await db().subscription.findMany({
    where: { userId: { in: page.map((row) => row.id) } },
    select: { userId: true, plan: true, status: true, currentPeriodEnd: true, pastDueSince: true, endedAt: true },
  });
  return {
    readers: page.map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role,
      createdAt: row.created_at,
      plan: readerPlan(
        subscriptions.filter((subscription) => subscription.userId === row.id),
        row.comp_until,
        now,
      ),
    })),
    hasMore: rows.length > perPage,
  };
}
