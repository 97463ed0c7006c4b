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
  organisationGrantsAccess,
  subscriptionGrantsAccess,
  type AccessDecision,
  type AccessPolicy,
  type ArticleForAccess,
  type BrowserForAccess,
  type OrganisationForAccess,
  type ReaderForAccess,
} from "./decide-access";
import { readerOrganisations, type ReaderOrganisation } from "./organisation-membership";
import { readMeterAndUnlocks, type MeterSummary } from "./reader-meter";

export type ArticleAccess = {
  decision: AccessDecision;
  meter: MeterSummary | null;
  /** Reads everything (a subscription, a comp or an organisation): no meter, no house promotions. */
  subscriber: boolean;
};

export function accessPolicy(): AccessPolicy {
  return { freeArticlesPerMonth: env().FREE_ARTICLES_PER_MONTH, graceDays: env().SUBSCRIPTION_GRACE_DAYS };
}

// Per request: the header, the page and its panel all ask, PostgreSQL answers once.
const subscriptionsOf = cache(listSubscriptions);
const organisationsOf = cache((userId: string) => readerOrganisations(userId));

/** The organisations the reader belongs to (seat or confirmed domain) whose All-Access runs at `now`. */
export async function runningOrganisations(reader: Reader | null, now = new Date()): Promise<ReaderOrganisation[]> {
  if (!reader) return [];
  return (await organisationsOf(reader.id)).filter((organisation) => organisationGrantsAccess([organisation], now));
}

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

/**
 * Whether the reader pays for All-Access or was given it by an admin: the
 * subscribers' Reviews and the subscribe page ask this. An organisation's
 * members read everything too (readsEverythingNow) but are not subscribers.
 */
export async function isSubscriber(reader: Reader | null, now = new Date()): Promise<boolean> {
  return (
    reader !== null && paysOrComp({ compUntil: reader.compUntil, subscriptions: await subscriptionsOf(reader.id) }, now)
  );
}

/**
 * Whether the reader reads everything now, paid, comp or through an
 * organisation: no "Subscribe" in the masthead or the footer. It must agree
 * with ArticleAccess.subscriber, which the article page's variant holds
 * (article-page-variant.ts).
 */
export async function readsEverythingNow(reader: Reader | null, now = new Date()): Promise<boolean> {
  if (reader === null) return false;
  const [subscriptions, organisations] = await Promise.all([subscriptionsOf(reader.id), organisationsOf(reader.id)]);
  return readsEverything({ compUntil: reader.compUntil, subscriptions, organisations }, now);
}

function paysOrComp(reader: Pick<ReaderForAccess, "subscriptions" | "compUntil">, now: Date): boolean {
  return (
    compGrantsAccess(reader.compUntil, now) ||
    reader.subscriptions.some((subscription) => subscriptionGrantsAccess(subscription, now, accessPolicy().graceDays))
  );
}

/** Whether a reader with these subscriptions, comp grant and organisations reads everything at `now`. */
export function readsEverything(
  reader: Pick<ReaderForAccess, "subscriptions" | "compUntil" | "organisations">,
  now: Date,
): boolean {
  return paysOrComp(reader, now) || organisationGrantsAccess(reader.organisations, now);
}

/**
 * What this request's browser brings beyond the reader's account: the
 * article page passes all of it; search and the newsletter archive pass the
 * address's organisations (an instant-access grant and a gift are for the
 * one article page they name); every other surface decides without it.
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
  const [subscriptions, { meter, unlocked }, organisations] = await Promise.all([
    subscriptionsOf(reader.id),
    readMeterAndUnlocks(reader, gatedIds, now),
    organisationsOf(reader.id),
  ]);
  const facts = (articleId: string) => ({
    subscriptions,
    compUntil: reader.compUntil,
    unlockedThisArticle: unlocked.has(articleId),
    unlocksThisMonth: meter.used,
    organisations,
  });
  const decisions = new Map(
    articles.map((article) => [
      article.id,
      decideAccess(facts(article.id), article, accessPolicy(), now, browser(article.id)),
    ]),
  );
  const subscriber = readsEverything({ subscriptions, compUntil: reader.compUntil, organisations }, now);
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
