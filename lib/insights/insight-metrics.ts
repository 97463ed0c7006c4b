// What the insights roll-up counts (table insight_counts, docs/insights.md):
// one name per kind of event, each counted on a day and, where there is one,
// an article. Nothing about who.

/** An article page shown whole or as a preview, by who was reading. */
export const VIEW_METRICS = {
  anonymous: "view.anonymous",
  reader: "view.reader",
  subscriber: "view.subscriber",
  // Crawlers and scripts, by user agent: counted apart, never in the funnel.
  bot: "view.bot",
} as const;

export const EVENT_METRICS = {
  /** The paywall panel was on the page a person was shown. */
  panel: "panel",
  /** An account was created (on the article whose panel asked for it, if any). */
  registration: "registration",
  /** Instant access: the article of the panel read at once on giving an address. */
  gift: "gift",
  /** A free article of the monthly quota spent. */
  unlock: "unlock",
  /** A Stripe Checkout session was opened. */
  checkout: "checkout",
  /** A subscription first gave access (trialing or active). */
  subscription: "subscription",
  /** A subscriber cancelled (at the period's end, or at once). */
  cancellation: "cancellation",
} as const;

/** Gift articles (lib/gifts, docs/gifts.md), each on the gifted article. */
export const GIFT_METRICS = {
  /** A subscriber made a gift link. */
  sent: "gift-sent",
  /** A gift link opened in a browser for the first time (a browser's later opens are not counted here). */
  open: "gift-open",
  /** An account was created in a browser that had opened a gift link (reader-origin.ts). */
  signup: "gift-signup",
  /** Such an account's subscription first gave access. */
  subscription: "gift-subscription",
} as const;

export type ViewMetric = (typeof VIEW_METRICS)[keyof typeof VIEW_METRICS];
export type EventMetric = (typeof EVENT_METRICS)[keyof typeof EVENT_METRICS];

/** A reader turning a newsletter off, counted per newsletter. */
export function unsubscribeMetric(newsletter: string): string {
  return `unsubscribe.${newsletter}`;
}

/** Stands for "no article" in the roll-up's key (which cannot hold a null). */
export const NO_ARTICLE = "00000000-0000-0000-0000-000000000000";
