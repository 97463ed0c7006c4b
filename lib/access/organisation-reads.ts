// When a seat holder last read an article through their organisation, for
// the manager's list (lib/organisations). Written at most once an hour per
// member: this process remembers whom it noted in the last hour, so most
// reads cost nothing, and the UPDATE itself only touches a row last written
// more than an hour ago, so several servers write it once between them.
// Called where an article is read whole with the reason "organisation": the
// article page's read (read-article.ts) and the web server's answer from the
// reader page cache (session-article-access.ts).
import { db } from "@/lib/db/prisma";
import { describeError, log } from "@/lib/observability/log";

const HOUR_MS = 3_600_000;
const REMEMBERED = 50_000;

// One memory per process (Next.js's chunks and the web server share it).
const NOTED = Symbol.for("folio.access.organisation-reads");
const holder = globalThis as { [NOTED]?: Map<string, number> };

/** Notes that the reader read through an organisation at `now`; never throws (a failed note is logged). */
export async function noteOrganisationRead(userId: string, now = new Date()): Promise<void> {
  const noted = (holder[NOTED] ??= new Map());
  const last = noted.get(userId);
  if (last !== undefined && now.getTime() - last < HOUR_MS && now.getTime() >= last) return;
  noted.delete(userId);
  if (noted.size >= REMEMBERED) noted.delete(noted.keys().next().value!);
  noted.set(userId, now.getTime());
  try {
    await db().$executeRaw`
      UPDATE organisation_members m SET last_read_at = ${now}::timestamptz
      FROM organisations o
      WHERE m.user_id = ${userId}::uuid AND o.id = m.organisation_id
        AND o.starts_at <= ${now}::timestamptz AND o.ends_at > ${now}::timestamptz
        AND (m.last_read_at IS NULL OR m.last_read_at <= ${new Date(now.getTime() - HOUR_MS)}::timestamptz)`;
  } catch (error) {
    noted.delete(userId);
    log("warn", "organisation-read-not-noted", describeError(error));
  }
}
