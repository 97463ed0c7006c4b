// The three newsletters: who gets each, how it is named, and how much of an
// article it carries. Which readers switched which on is in
// lib/account/newsletter-choices.ts; when each goes out, in issue-schedule.ts.
import type { NewsletterKey } from "@/lib/account/newsletter-choices";

export type { NewsletterKey };

export type NewsletterInfo = {
  key: NewsletterKey;
  /** In addresses: /newsletters/daily-review/2026-12-01. */
  slug: string;
  name: string;
  /** One line under the name, in the email and the archive. */
  tagline: string;
  /** Who receives it: every registered reader who wants it, or subscribers. */
  audience: "registered" | "subscribers";
  /**
   * How much of each article the email carries, at most: "full" gives each
   * article whole (where the access decision for the audience allows it;
   * otherwise its preview), "preview" gives the opening paragraphs and a link.
   */
  depth: "full" | "preview";
};

export const NEWSLETTER_CATALOG: Record<NewsletterKey, NewsletterInfo> = {
  daily_review: {
    key: "daily_review",
    slug: "daily-review",
    name: "The Daily Review",
    tagline: "The previous weekday's analysis, in full, every weekday morning.",
    audience: "subscribers",
    depth: "full",
  },
  weekly_review: {
    key: "weekly_review",
    slug: "weekly-review",
    name: "The Weekly Review",
    tagline: "The week's reporting and analysis in one place.",
    audience: "subscribers",
    // A week of articles in full would be too long for one email: the
    // opening of each, and a link to the rest.
    depth: "preview",
  },
  free: {
    key: "free",
    slug: "free",
    name: "The Free Newsletter",
    tagline: "The week's free articles in full, and a look at the rest.",
    audience: "registered",
    // Free articles whole; every other one is cut by the access decision to
    // its preview (a registered reader without a subscription).
    depth: "full",
  },
};

export const NEWSLETTER_KEYS = Object.keys(NEWSLETTER_CATALOG) as NewsletterKey[];

export function newsletterBySlug(slug: string): NewsletterInfo | undefined {
  return Object.values(NEWSLETTER_CATALOG).find((info) => info.slug === slug);
}
