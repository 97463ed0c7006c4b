// The access decision for an article page, taken from the session cookie's
// token in one round trip to PostgreSQL: the session and its reader, their
// subscriptions, their organisations, their unlock of this article and the
// month's count, read together, then decided by decideAccess like every other surface. The web
// server in front of Next.js asks this for each signed-in article request
// (server/reader-pages.ts) and answers with a render of the page it keeps
// for the resulting variant; the page itself reads the same facts through
// Auth.js and lib/access/article-access.ts, and a render is kept only when
// both came to the same variant (test/integration/session-article-access.test.ts
// holds the two reads to the same answers).
import { sessionDueForUpdate } from "@/lib/auth/auth-cookies";
import { effectiveRole, type Role } from "@/lib/auth/roles";
import { env } from "@/lib/config/env";
import { appPool } from "@/lib/db/app-pool";
import { accessPolicy, readsEverything, type ArticleAccess } from "./article-access";
import { articlePageVariant } from "./article-page-variant";
import { decideAccess, type SubscriptionForAccess } from "./decide-access";
import { meterKey } from "./meter-key";
import { meterPeriod } from "./meter-period";
import { memberOrganisationsJson, organisationsFromJson } from "./organisation-membership";
import { noteOrganisationRead } from "./organisation-reads";
import { meterSummary } from "./reader-meter";

export type SessionArticleAccess =
  | { kind: "decided"; access: ArticleAccess; variant: string }
  /**
   * Next.js must answer: no such session (signed out, expired), a session
   * Auth.js would extend on this request, or no published article at this
   * address (a 404 or an old slug's redirect).
   */
  | { kind: "render" };

type Row = {
  expires: Date;
  user_id: string;
  email: string;
  role: Role;
  comp_until: Date | null;
  subscriptions: { status: string; currentPeriodEnd: string; pastDueSince: string | null; endedAt: string | null }[];
  organisations: { startsAt: string; endsAt: string }[];
  article_id: string | null;
  free: boolean | null;
  unlocked: boolean;
  used: number;
};

// The month's count is the meter's rule (lib/access/reader-meter.ts,
// readMeterAndUnlocks): quota unlocks of the period, plus what an account
// deleted this month under the same address had used, found by the
// address's keyed hash ($4), which the caller computes from the address it
// expects the session to have.
const FACTS = `
  SELECT s.expires, u.id::text AS user_id, u.email, u.role::text AS role, u.comp_until,
         (SELECT coalesce(json_agg(json_build_object(
                   'status', sub.status, 'currentPeriodEnd', sub.current_period_end,
                   'pastDueSince', sub.past_due_since, 'endedAt', sub.ended_at)), '[]')
            FROM subscriptions sub WHERE sub.user_id = u.id) AS subscriptions,
         ${memberOrganisationsJson("$5")} AS organisations,
         a.id::text AS article_id, a.free,
         EXISTS (SELECT 1 FROM article_unlocks x WHERE x.user_id = u.id AND x.article_id = a.id) AS unlocked,
         (SELECT count(*)::int FROM article_unlocks q WHERE q.user_id = u.id AND q.period = $3 AND q.kind = 'quota')
           + coalesce((SELECT d.used FROM departed_meters d WHERE d.email_key = $4 AND d.period = $3), 0) AS used
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  LEFT JOIN articles a ON a.slug = $2 AND a.status = 'published' AND a.published_at <= $5
  WHERE s.session_token = $1`;

// The address each session was last seen with, so that the keyed hash of
// its departed meter goes into the same query. A miss (the first request of
// a session in this process, or an address changed since) costs a second
// round trip.
const addressOfSession = new Map<string, string>();
const ADDRESSES_KEPT = 50_000;

function remember(token: string, email: string): void {
  if (addressOfSession.size >= ADDRESSES_KEPT) addressOfSession.delete(addressOfSession.keys().next().value!);
  addressOfSession.set(token, email);
}

async function readFacts(token: string, slug: string, now: Date, period: string): Promise<Row | null> {
  const query = async (email: string | undefined) => {
    const { rows } = await appPool().query<Row>({
      // Prepared once per connection: planning it took longer than running it.
      // Not on the embedded database, whose connections share one session
      // (a second connection's PREPARE finds the first one's statement).
      name: env().FOLIO_DATABASE_KIND === "embedded" ? undefined : "folio-session-article-access",
      text: FACTS,
      values: [token, slug, period, email === undefined ? null : meterKey(email), now],
    });
    return rows[0] ?? null;
  };
  const expected = addressOfSession.get(token);
  let row = await query(expected);
  if (row && row.email !== expected) {
    remember(token, row.email);
    row = await query(row.email);
  }
  return row;
}

export async function sessionArticleAccess(
  token: string,
  slug: string,
  now = new Date(),
): Promise<SessionArticleAccess> {
  const { period, resetsAt } = meterPeriod(now, env().PUBLICATION_TIMEZONE);
  const row = await readFacts(token, slug, now, period);
  if (!row || row.expires.getTime() <= now.getTime() || sessionDueForUpdate(row.expires, now))
    return { kind: "render" };
  if (row.article_id === null || row.free === null) return { kind: "render" };
  const reader = {
    subscriptions: row.subscriptions.map((subscription): SubscriptionForAccess => ({
      status: subscription.status,
      currentPeriodEnd: new Date(subscription.currentPeriodEnd),
      pastDueSince: subscription.pastDueSince === null ? null : new Date(subscription.pastDueSince),
      endedAt: subscription.endedAt === null ? null : new Date(subscription.endedAt),
    })),
    compUntil: row.comp_until,
    unlockedThisArticle: row.unlocked,
    unlocksThisMonth: row.used,
    organisations: organisationsFromJson(row.organisations),
  };
  const access: ArticleAccess = {
    decision: decideAccess(reader, { free: row.free }, accessPolicy(), now),
    meter: meterSummary(row.used, resetsAt),
    subscriber: readsEverything(reader, now),
  };
  // The kept page is answered without the article page's read: note the read here.
  if (access.decision.reason === "organisation") await noteOrganisationRead(row.user_id, now);
  const role = effectiveRole({ email: row.email, role: row.role });
  return { kind: "decided", access, variant: articlePageVariant(access, { role }) };
}
