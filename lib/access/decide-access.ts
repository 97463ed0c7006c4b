// Who may read what. Every surface that shows article text asks this one pure
// function, and loads the gated text only when it answers "full".

export type AccessLevel = "full" | "preview";

export type AccessReason =
  | "free-article"
  | "subscriber"
  | "comp"
  | "unlocked"
  | "registration-gift"
  | "gift"
  | "organisation"
  | "anonymous"
  | "quota-available"
  | "quota-exhausted";

export type AccessDecision = { level: AccessLevel; reason: AccessReason };

/** What the decision needs to know about the article. */
export type ArticleForAccess = { free: boolean };

/** A subscription as synced from Stripe. */
export type SubscriptionForAccess = {
  status: string;
  /** The end of the period the reader has paid for. */
  currentPeriodEnd: Date;
  /** When the subscription was first seen past_due (a failed renewal). */
  pastDueSince: Date | null;
  /** When a cancelled subscription ended, by Stripe's clock. */
  endedAt: Date | null;
};

/**
 * An organisation's All-Access (lib/organisations): from the start of its
 * first day to the end of its last, in the publication's time zone.
 */
export type OrganisationForAccess = { startsAt: Date; endsAt: Date };

/** A signed-in reader, as far as this article is concerned. */
export type ReaderForAccess = {
  subscriptions: SubscriptionForAccess[];
  /** Complimentary All-Access granted by an admin, until this moment. */
  compUntil: Date | null;
  /** The reader unlocked this article with a free article (any month). */
  unlockedThisArticle: boolean;
  /** Free articles the reader spent in the current calendar month. */
  unlocksThisMonth: number;
  /**
   * Organisations the reader belongs to: by a seat, or by a confirmed address
   * at one of their domains.
   */
  organisations: OrganisationForAccess[];
};

/** What the browser itself holds, signed in or not. */
export type BrowserForAccess = {
  /**
   * A valid instant-access grant for this article (lib/access/article-grant.ts):
   * the reader gave an address here and has not confirmed it yet.
   */
  grantedThisArticle: boolean;
  /**
   * A subscriber's gift link for this article, valid and opened in this
   * browser (lib/gifts): read whole, signed in or not, spending nothing.
   */
  giftedThisArticle: boolean;
  /** Organisations whose IP ranges hold the client's address. */
  addressOrganisations: OrganisationForAccess[];
};

export const NOTHING_IN_BROWSER: BrowserForAccess = {
  grantedThisArticle: false,
  giftedThisArticle: false,
  addressOrganisations: [],
};

export type AccessPolicy = { freeArticlesPerMonth: number; graceDays: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a subscription lets its reader read everything at `now`. */
export function subscriptionGrantsAccess(subscription: SubscriptionForAccess, now: Date, graceDays: number): boolean {
  switch (subscription.status) {
    case "active":
    case "trialing":
      return true;
    case "past_due": {
      // A failed renewal: Stripe retries the card; the reader keeps reading
      // for the grace period meanwhile.
      const since = subscription.pastDueSince ?? now;
      return now.getTime() < since.getTime() + graceDays * DAY_MS;
    }
    case "canceled": {
      // Cancelled before its period ran out (cancelled at once): the rest of
      // the period already paid for is still theirs. Ended at the period's
      // end: nothing is left. Stripe's own dates decide, since its clock
      // (test clocks, the emulator) need not be this server's.
      const end = subscription.currentPeriodEnd.getTime();
      const endedEarly = subscription.endedAt === null || subscription.endedAt.getTime() < end;
      return endedEarly && now.getTime() < end;
    }
    default:
      // incomplete, incomplete_expired, unpaid, paused: nothing paid for.
      return false;
  }
}

/** Whether any of these organisations gives All-Access at `now`. */
export function organisationGrantsAccess(organisations: OrganisationForAccess[], now: Date): boolean {
  const time = now.getTime();
  return organisations.some(
    (organisation) => organisation.startsAt.getTime() <= time && time < organisation.endsAt.getTime(),
  );
}

/** Whether an admin's complimentary All-Access still runs at `now`. */
export function compGrantsAccess(compUntil: Date | null, now: Date): boolean {
  return compUntil !== null && now.getTime() < compUntil.getTime();
}

export function decideAccess(
  reader: ReaderForAccess | null,
  article: ArticleForAccess,
  policy: AccessPolicy,
  now: Date,
  browser: BrowserForAccess = NOTHING_IN_BROWSER,
): AccessDecision {
  if (article.free) return { level: "full", reason: "free-article" };
  if (reader === null) {
    if (organisationGrantsAccess(browser.addressOrganisations, now)) return { level: "full", reason: "organisation" };
    if (browser.giftedThisArticle) return { level: "full", reason: "gift" };
    return browser.grantedThisArticle
      ? { level: "full", reason: "registration-gift" }
      : { level: "preview", reason: "anonymous" };
  }
  if (reader.subscriptions.some((subscription) => subscriptionGrantsAccess(subscription, now, policy.graceDays))) {
    return { level: "full", reason: "subscriber" };
  }
  if (compGrantsAccess(reader.compUntil, now)) return { level: "full", reason: "comp" };
  if (
    organisationGrantsAccess(reader.organisations, now) ||
    organisationGrantsAccess(browser.addressOrganisations, now)
  ) {
    return { level: "full", reason: "organisation" };
  }
  if (reader.unlockedThisArticle) return { level: "full", reason: "unlocked" };
  // A gift spends nothing of the reader's own: it comes before the quota.
  if (browser.giftedThisArticle) return { level: "full", reason: "gift" };
  // A grant from before signing in (for another address, say) still opens
  // its one article in this browser, and spends nothing.
  if (browser.grantedThisArticle) return { level: "full", reason: "registration-gift" };
  // Unlocking is a deliberate choice of the reader: a quota left still shows
  // the preview, with the offer to spend one.
  if (reader.unlocksThisMonth < policy.freeArticlesPerMonth) {
    return { level: "preview", reason: "quota-available" };
  }
  return { level: "preview", reason: "quota-exhausted" };
}
