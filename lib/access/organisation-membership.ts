// Which organisations a reader belongs to (lib/organisations, docs/organisations.md):
// those where they hold a seat, and those with an email domain their address
// is at, or under, once the address is confirmed (users.email_verified: set
// when a sign-in link or code is used, or a new address confirmed). The rule
// is written once, as SQL over the users row `u`, and used by every read of
// a reader's facts: the article page's (article-access.ts), the web server's
// one query (session-article-access.ts), the unlock's (reader-meter.ts) and
// the account page's line.
import { db, Prisma } from "@/lib/db/prisma";
import type { OrganisationForAccess } from "./decide-access";

/**
 * SQL: the ids of the organisations the users row `u` belongs to. An address
 * at cs.example.edu is at example.edu too: the domain is looked up with each
 * of its suffixes (but the last label alone), so the primary key answers.
 */
export const MEMBER_ORGANISATION_IDS = `
  SELECT m.organisation_id FROM organisation_members m WHERE m.user_id = u.id
  UNION ALL
  SELECT d.organisation_id FROM organisation_domains d
  WHERE u.email_verified IS NOT NULL
    AND d.domain IN (
      SELECT array_to_string(p.labels[i:], '.')
      FROM (SELECT string_to_array(split_part(u.email, '@', 2), '.') AS labels) AS p,
           generate_series(1, cardinality(p.labels) - 1) AS i)`;

/**
 * SQL: the organisations of `u` that have not ended at the timestamp
 * `nowSql` (a parameter's placeholder), as a JSON array of {startsAt, endsAt}.
 */
export function memberOrganisationsJson(nowSql: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('startsAt', o.starts_at, 'endsAt', o.ends_at)), '[]'::json)
            FROM organisations o WHERE o.ends_at > ${nowSql} AND o.id IN (${MEMBER_ORGANISATION_IDS}))`;
}

/** The JSON of memberOrganisationsJson, as the decision takes it. */
export function organisationsFromJson(rows: { startsAt: string; endsAt: string }[]): OrganisationForAccess[] {
  return rows.map((row) => ({ startsAt: new Date(row.startsAt), endsAt: new Date(row.endsAt) }));
}

export type ReaderOrganisation = OrganisationForAccess & {
  id: string;
  name: string;
  /** By a seat (else by a confirmed address at one of its domains). */
  seat: boolean;
};

/** The organisations the reader belongs to that have not ended at `now`, latest end first. */
export async function readerOrganisations(userId: string, now = new Date()): Promise<ReaderOrganisation[]> {
  return db().$queryRaw<ReaderOrganisation[]>`
    SELECT o.id::text AS id, o.name, o.starts_at AS "startsAt", o.ends_at AS "endsAt",
           EXISTS (SELECT 1 FROM organisation_members s WHERE s.organisation_id = o.id AND s.user_id = u.id) AS seat
    FROM users u
    JOIN organisations o ON o.id IN (${Prisma.raw(MEMBER_ORGANISATION_IDS)})
    WHERE u.id = ${userId}::uuid AND o.ends_at > ${now}::timestamptz
    ORDER BY o.ends_at DESC, o.name`;
}
