// The readers as a CSV file (admins), for a filter of readers-export-filter.ts.
// The file is a stream that reads the next thousand readers from PostgreSQL
// only when the client has taken the last ones, so fifty thousand readers
// (or a slow download) never sit in memory together. Pages are keyset pages
// (created_at, id): OFFSET would make every page re-read all the ones
// before it, and a reader deleted mid-export would make the next page skip
// someone.
//
// Plan and newsletters are decided in TypeScript a batch at a time, by the
// same rules as the rest of the newsroom (readerPlan), not rewritten as
// SQL: the database narrows by sign-up date only.
import { NEWSLETTERS, type NewsletterKey } from "@/lib/account/newsletter-choices";
import { recordAudit, type AuditAction } from "@/lib/audit/audit-log";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { effectiveRole, type Role } from "@/lib/auth/roles";
import { addDays, calendarDayOf, startOfDay } from "@/lib/calendar/calendar-day";
import { env } from "@/lib/config/env";
import { db, Prisma } from "@/lib/db/prisma";
import { NEWSLETTER_CATALOG } from "@/lib/newsletters/newsletter-catalog";
import { csvRows, type CsvCell } from "@/lib/text/csv";
import { readerPlan, type SubscriptionFacts } from "./reader-plan";
import { matchesExportFilter, type ReadersExportFilter } from "./readers-export-filter";

export const READERS_EXPORT_COLUMNS = [
  "email",
  "name",
  "signed up",
  "plan",
  "subscription status",
  "comp until",
  "newsletters",
  "role",
] as const;

const BATCH_SIZE = 1_000;

// Excel reads a CSV file without a byte order mark as the machine's legacy
// code page, and would show "Zoë" as "ZoÃ«"; other readers skip the mark.
const BYTE_ORDER_MARK = "\uFEFF";

const EXPORT_ACTION: AuditAction = "readers.export";

type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  created_at: Date;
  comp_until: Date | null;
  /** Latest first (the period that ends last); instants as JSON text. */
  subscriptions: {
    plan: string;
    status: string;
    currentPeriodEnd: string;
    pastDueSince: string | null;
    endedAt: string | null;
  }[];
  /** The reader's stored choices: newsletter to switched on or off. */
  choices: Partial<Record<NewsletterKey, boolean>>;
};

/** What the export reads through: the app's client, or a transaction (one snapshot; the tests roll theirs back). */
type ExportSource = Pick<Prisma.TransactionClient, "$queryRaw">;

type Options = { now?: Date; timeZone?: string; batchSize?: number; client?: ExportSource };

/** "folio-readers-2026-12-01.csv", today being the publication's day. */
export function readersExportFileName(now = new Date(), timeZone = env().PUBLICATION_TIMEZONE): string {
  return `folio-readers-${calendarDayOf(now, timeZone)}.csv`;
}

/**
 * Logs the export (who, and the filter) and returns the file. The entry is
 * written first: an export that is started is logged even if its download
 * is then abandoned.
 */
export async function startReadersExport(
  actor: Actor,
  filter: ReadersExportFilter,
  options: Options = {},
): Promise<ReadableStream<Uint8Array>> {
  assertRole(actor, "admin");
  await recordAudit(db(), actor, { action: EXPORT_ACTION, subject: "readers (CSV)", details: { ...filter } });
  return readersCsvStream(actor, filter, options);
}

/** The file without the audit entry; startReadersExport is the way in. Exported for the tests. */
export function readersCsvStream(
  actor: Actor,
  filter: ReadersExportFilter,
  options: Options = {},
): ReadableStream<Uint8Array> {
  assertRole(actor, "admin");
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? env().PUBLICATION_TIMEZONE;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const client = options.client ?? db();
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let headerSent = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(BYTE_ORDER_MARK + csvRows([[...READERS_EXPORT_COLUMNS]])));
          return;
        }
        // Batches can filter down to nothing (few comp readers among many):
        // read on until one gives a row or the readers run out.
        for (;;) {
          const users = await readBatch(client, filter, timeZone, after, batchSize);
          const last = users.at(-1);
          if (!last) {
            controller.close();
            return;
          }
          after = { createdAt: last.created_at, id: last.id };
          const rows = describeBatch(users, filter, now);
          if (rows.length > 0) controller.enqueue(encoder.encode(csvRows(rows)));
          if (users.length < batchSize) {
            controller.close();
            return;
          }
          if (rows.length > 0) return;
        }
      },
    },
    // One batch read ahead of the client: the next query runs while the
    // last batch is on the wire, and no more is held than that.
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}

// One raw query per batch, subscriptions and choices gathered per reader in
// SQL. Not Prisma's findMany({ where: { userId: { in: ids } } }): its query
// plan cache keys each plan by the thousand ids written out, so every batch
// added a cache entry of its own (measured: 8 MB kept after one export of
// 50,000 readers, and again for the next readers, up to the cache's 1,000
// entries).
async function readBatch(
  client: ExportSource,
  filter: ReadersExportFilter,
  timeZone: string,
  after: { createdAt: Date; id: string } | null,
  batchSize: number,
): Promise<UserRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.from) conditions.push(Prisma.sql`u.created_at >= ${startOfDay(filter.from, timeZone)}`);
  if (filter.to) conditions.push(Prisma.sql`u.created_at < ${startOfDay(addDays(filter.to, 1), timeZone)}`);
  if (after) conditions.push(Prisma.sql`(u.created_at, u.id) > (${after.createdAt}, ${after.id}::uuid)`);
  return client.$queryRaw<UserRow[]>`
    SELECT u.id::text, u.email, u.name, u.role::text AS role, u.created_at, u.comp_until,
           COALESCE((
             SELECT json_agg(json_build_object(
                      'plan', s.plan, 'status', s.status, 'currentPeriodEnd', s.current_period_end,
                      'pastDueSince', s.past_due_since, 'endedAt', s.ended_at)
                    ORDER BY s.current_period_end DESC, s.id)
             FROM subscriptions s WHERE s.user_id = u.id), '[]') AS subscriptions,
           COALESCE((
             SELECT json_object_agg(n.newsletter, n.subscribed)
             FROM newsletter_subscriptions n WHERE n.user_id = u.id), '{}') AS choices
    FROM users u
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY u.created_at, u.id
    LIMIT ${batchSize}`;
}

function describeBatch(users: UserRow[], filter: ReadersExportFilter, now: Date): CsvCell[][] {
  const instant = (text: string | null) => (text === null ? null : new Date(text));
  const rows: CsvCell[][] = [];
  for (const user of users) {
    const subscriptions: SubscriptionFacts[] = user.subscriptions.map((subscription) => ({
      plan: subscription.plan,
      status: subscription.status,
      currentPeriodEnd: new Date(subscription.currentPeriodEnd),
      pastDueSince: instant(subscription.pastDueSince),
      endedAt: instant(subscription.endedAt),
    }));
    const plan = readerPlan(subscriptions, user.comp_until, now);
    const newsletters = receivedNewsletters(user.choices, plan !== "free");
    if (!matchesExportFilter(filter, { plan, newsletters })) continue;
    rows.push([
      user.email,
      user.name,
      user.created_at,
      plan,
      // The latest subscription's, whether or not it gives access now.
      subscriptions[0]?.status ?? null,
      user.comp_until,
      newsletters.join("; "),
      effectiveRole(user),
    ]);
  }
  return rows;
}

/**
 * The newsletters a reader receives, as issue-recipients.ts sends them: the
 * free one when switched on; a Review to readers who read everything (paid
 * or comp) unless they switched it off, as the account page shows it
 * (newsletter-choices.ts). Suppressed addresses are not considered.
 */
function receivedNewsletters(
  choices: Partial<Record<NewsletterKey, boolean>>,
  readsEverything: boolean,
): NewsletterKey[] {
  return NEWSLETTERS.filter((newsletter) =>
    NEWSLETTER_CATALOG[newsletter].audience === "registered"
      ? choices[newsletter] === true
      : readsEverything && choices[newsletter] !== false,
  );
}
