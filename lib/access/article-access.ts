// The access decision for one reader and one article, with the facts it
// needs read from the database. Pages, routes and feeds call this; the
// decision itself is the pure decideAccess.
import type { Reader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";
import { decideAccess, type AccessDecision } from "./decide-access";
import { hasUnlocked, readMeter, type MeterSummary } from "./reader-meter";

export type ArticleAccess = { decision: AccessDecision; meter: MeterSummary | null };

export async function accessForArticle(
  reader: Reader | null,
  article: { id: string; free: boolean },
  now = new Date(),
): Promise<ArticleAccess> {
  const policy = { freeArticlesPerMonth: env().FREE_ARTICLES_PER_MONTH };
  if (reader === null || article.free) return { decision: decideAccess(null, article, policy), meter: null };
  const [meter, unlocked] = await Promise.all([readMeter(reader.id, now), hasUnlocked(reader.id, article.id)]);
  const decision = decideAccess({ unlockedThisArticle: unlocked, unlocksThisMonth: meter.used }, article, policy);
  return { decision, meter };
}
