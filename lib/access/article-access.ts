// The access decision for a reader and articles, with the facts it needs read
// from the database. Pages, routes and search call this; the decision itself
// is the pure decideAccess.
import { cache } from "react";
import type { Reader } from "@/lib/auth/get-reader";
import { listSubscriptions, type SubscriptionSummary } from "@/lib/billing/subscription-queries";
import { env } from "@/lib/config/env";
import type { ArticleGrant } from "./article-grant";
import {
  compGrantsAccess,
  decideAccess,
  subscriptionGrantsAccess,
  type AccessDecision,
  type AccessPolicy,
  type ArticleForAccess,
  type BrowserForAccess,
  type OrganisationForAccess,
  type ReaderForAccess,
} from "./decide-access";
import { readMeterAndUnlocks, type MeterSummary } from "./reader-meter";

export type ArticleAccess = {
  decision: AccessDecision;
  meter: MeterSummary | null;
  /** Reads everything (a subscription or a comp): no meter, no house promotions. */
  subscriber: boolean;
};

export function accessPolicy(): AccessPolicy {
  return { freeArticlesPerMonth: env().FREE_ARTICLES_PER_MONTH, graceDays: env().SUBSCRIPTION_GRACE_DAYS };
}

// Per request: the header, the page and its panel all ask, PostgreSQL answers once.
const subscriptionsOf = cache(listSubscriptions);

/** The subscription that lets the reader read everything now, if any. */
export async function currentSubscription(
  reader: Reader | null,
  now = new Date(),
): Promise<SubscriptionSummary | undefined> {
  if (!reader) return undefined;
  const subscriptions = await subscriptionsOf(reader.id);
  return subscriptions.find((subscription) => subscriptionGrantsAccess(subscription, now, accessPolicy().graceDays));
}

/** Whether an admin's complimentary All-Access lets the reader read everything now. */
export function hasComp(reader: Reader | null, now = new Date()): boolean {
  return reader !== null && compGrantsAccess(reader.compUntil, now);
}

/** Whether the reader reads everything now, paid or comp (no meter, no house ads). */
export async function isSubscriber(reader: Reader | null, now = new Date()): Promise<boolean> {
  return (
    reader !== null &&
    readsEverything({ compUntil: reader.compUntil, subscriptions: await subscriptionsOf(reader.id) }, now)
  );
}

/** Whether a reader with these subscriptions and comp grant reads everything at `now`. */
export function readsEverything(reader: Pick<ReaderForAccess, "subscriptions" | "compUntil">, now: Date): boolean {
  return (
    compGrantsAccess(reader.compUntil, now) ||
    reader.subscriptions.some((subscription) => subscriptionGrantsAccess(subscription, now, accessPolicy().graceDays))
  );
}

/**
 * What this request's browser brings beyond the reader's account: the
 * article page passes it; every other surface decides without it.
 */
export type BrowserContext = {
  /** The instant-access grant cookie, verified (lib/access/current-grant.ts). */
  grant?: ArticleGrant | null;
  /** The article of a gift link that is valid and opened in this browser (lib/gifts). */
  giftedArticleId?: string | null;
  /** Organisations whose IP ranges hold the client's address (lib/organisations). */
  addressOrganisations?: OrganisationForAccess[];
};

type Decided = { decisions: Map<string, AccessDecision>; meter: MeterSummary | null; subscriber: boolean };

/**
 * Decisions for several articles at once (an article page, a page of search
 * results): the reader's subscriptions, meter and unlocks among these
 * articles are read once, and each article is decided by decideAccess.
 */
async function decide(
  reader: Reader | null,
  articles: { id: string; free: boolean }[],
  now: Date,
  context: BrowserContext = {},
): Promise<Decided> {
  const browser = (articleId: string): BrowserForAccess => ({
    grantedThisArticle: context.grant?.articleId === articleId,
    giftedThisArticle: context.giftedArticleId === articleId,
    addressOrganisations: context.addressOrganisations ?? [],
  });
  if (reader === null) {
    const decisions = new Map(
      articles.map((article) => [article.id, decideAccess(null, article, accessPolicy(), now, browser(article.id))]),
    );
    return { decisions, meter: null, subscriber: false };
  }
  const gatedIds = articles.filter((article) => !article.free).map((article) => article.id);
  const [subscriptions, { meter, unlocked }] = await Promise.all([
    subscriptionsOf(reader.id),
    readMeterAndUnlocks(reader, gatedIds, now),
  ]);
  const facts = (articleId: string) => ({
    subscriptions,
    compUntil: reader.compUntil,
    unlockedThisArticle: unlocked.has(articleId),
    unlocksThisMonth: meter.used,
    organisations: [],
  });
  const decisions = new Map(
    articles.map((article) => [
      article.id,
      decideAccess(facts(article.id), article, accessPolicy(), now, browser(article.id)),
    ]),
  );
  const subscriber = readsEverything({ subscriptions, compUntil: reader.compUntil }, now);
  return { decisions, meter, subscriber };
}

/** The decision for one article; `browser` is what the article page's request brings. */
export async function accessForArticle(
  reader: Reader | null,
  article: { id: string; free: boolean },
  now = new Date(),
  browser: BrowserContext = {},
): Promise<ArticleAccess> {
  const { decisions, meter, subscriber } = await decide(reader, [article], now, browser);
  return { decision: decisions.get(article.id)!, meter, subscriber };
}

export async function accessForArticles(
  reader: Reader | null,
  articles: { id: string; free: boolean }[],
  now = new Date(),
  browser: BrowserContext = {},
): Promise<Map<string, AccessDecision>> {
  return (await decide(reader, articles, now, browser)).decisions;
}

/**
 * The decision for a representative reader whose facts the caller states
 * (a newsletter's audience) rather than a reader read from the database.
 */
export function decideForAudience(audience: ReaderForAccess, article: ArticleForAccess, now: Date): AccessDecision {
  return decideAccess(audience, article, accessPolicy(), now);
}
