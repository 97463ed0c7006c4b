// "Read this article": spending a free article on an article named by slug,
// shared by the panel's button and POST /api/articles/{slug}/unlock.
//
// Two round trips after the session: one statement reads the article and
// everything the access decision needs about the reader and it
// (readUnlockFacts); the decision itself is decideAccess's, and only its
// "quota-available" spends, in one short transaction that checks the count
// again under the reader's lock (spendUnlock). A repeat, a free article or a
// subscriber costs the one read.
import type { Reader } from "@/lib/auth/get-reader";
import { isPlausibleSlug } from "@/lib/http/search-params";
import { decideForAudience } from "./article-access";
import { readUnlockFacts, spendUnlock, type MeterSummary, type SpendResult } from "./reader-meter";

export type UnlockResult =
  | SpendResult
  | { kind: "not-found" }
  | { kind: "free-article"; meter: MeterSummary }
  | { kind: "subscriber"; meter: MeterSummary };

export async function unlockArticleBySlug(reader: Reader, slug: string, now = new Date()): Promise<UnlockResult> {
  const facts = isPlausibleSlug(slug) ? await readUnlockFacts(reader, slug, now) : null;
  if (!facts) return { kind: "not-found" };
  if (!facts.accountExists) return { kind: "no-account" };
  const { article, meter } = facts;
  const decision = decideForAudience(
    {
      subscriptions: facts.subscriptions,
      compUntil: facts.compUntil,
      unlockedThisArticle: facts.unlockedThisArticle,
      unlocksThisMonth: meter.used,
      organisations: facts.organisations,
    },
    article,
    now,
  );
  switch (decision.reason) {
    case "free-article":
      return { kind: "free-article", meter };
    // A subscriber reads everything; spending a free article would be a loss.
    case "subscriber":
    case "comp":
    case "organisation":
      return { kind: "subscriber", meter };
    case "unlocked":
    case "registration-gift":
    case "gift":
      return { kind: "already-unlocked", meter };
    case "quota-exhausted":
      return { kind: "quota-exhausted", meter };
    case "quota-available":
      return spendUnlock(reader, article.id, now);
    // Not for a reader with an account (the facts above): answered as signed out.
    case "anonymous":
      return { kind: "no-account" };
  }
}

/** The JSON answer of POST /api/articles/{slug}/unlock to a signed-in reader, for the route and the web server. */
export function unlockAnswer(result: UnlockResult): { status: number; body: Record<string, unknown> } {
  switch (result.kind) {
    case "not-found":
      return { status: 404, body: { error: "not_found" } };
    case "no-account":
      // Deleted between reading the session and spending: as if signed out.
      return { status: 401, body: { error: "not_signed_in" } };
    case "quota-exhausted":
      return {
        status: 402,
        body: { error: "quota_exhausted", remaining: 0, resetsAt: result.meter.resetsAt.toISOString() },
      };
    case "unlocked":
    case "already-unlocked":
    case "free-article":
    case "subscriber":
      return {
        status: 200,
        body: { unlocked: true, remaining: result.meter.remaining, resetsAt: result.meter.resetsAt.toISOString() },
      };
  }
}
