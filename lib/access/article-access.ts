// The access decision for one reader and one article, with the facts it
// needs read from the database. Pages, routes and feeds call this; the
// decision itself is the pure decideAccess.
import type { Reader } from "@/lib/auth/get-reader";
import { listSubscriptions } from "@/lib/billing/subscription-queries";
import { env } from "@/lib/config/env";
import { decideAccess, subscriptionGrantsAccess, type AccessDecision, type AccessPolicy } from "./decide-access";
import { hasUnlocked, readMeter, unlockedAmong, type MeterSummary } from "./reader-meter";

export type ArticleAccess = {
  decision: AccessDecision;
  meter: MeterSummary | null;
  /** Reads everything: no meter, no house promotions. */
  subscriber: boolean;
};

function policy(): AccessPolicy {
  return { freeArticlesPerMonth: env().FREE_ARTICLES_PER_MONTH, graceDays: env().SUBSCRIPTION_GRACE_DAYS };
}

export async function accessForArticle(
  reader: Reader | null,
  article: { id: string; free: boolean },
  now = new Date(),
): Promise<ArticleAccess> {
  if (reader === null) return { decision: decideAccess(null, article, policy(), now), meter: null, subscriber: false };
  const [subscriptions, meter, unlocked] = await Promise.all([
    listSubscriptions(reader.id),
    readMeter(reader.id, now),
    article.free ? false : hasUnlocked(reader.id, article.id),
  ]);
  const decision = decideAccess(
    { subscriptions, unlockedThisArticle: unlocked, unlocksThisMonth: meter.used },
    article,
    policy(),
    now,
  );
  const subscriber = subscriptions.some((subscription) => subscriptionGrantsAccess(subscription, now, policy().graceDays));
  return { decision, meter, subscriber };
}

/**
 * Decisions for several articles at once (a page of search results): the
 * reader's subscriptions, meter and unlocks among these articles are read
 * once, and each article is decided by the same decideAccess.
 */
export async function accessForArticles(
  reader: Reader | null,
  articles: { id: string; free: boolean }[],
  now = new Date(),
): Promise<Map<string, AccessDecision>> {
  if (reader === null) return new Map(articles.map((article) => [article.id, decideAccess(null, article, policy(), now)]));
  const gatedIds = articles.filter((article) => !article.free).map((article) => article.id);
  const [subscriptions, meter, unlocked] = await Promise.all([
    listSubscriptions(reader.id),
    readMeter(reader.id, now),
    unlockedAmong(reader.id, gatedIds),
  ]);
  return new Map(
    articles.map((article) => [
      article.id,
      decideAccess({ subscriptions, unlockedThisArticle: unlocked.has(article.id), unlocksThisMonth: meter.used }, article, policy(), now),
    ]),
  );
}

/** Whether the reader reads everything now (no meter, no house ads). */
export async function isSubscriber(reader: Reader | null, now = new Date()): Promise<boolean> {
  if (!reader) return false;
  const subscriptions = await listSubscriptions(reader.id);
  return subscriptions.some((subscription) => subscriptionGrantsAccess(subscription, now, policy().graceDays));
}
