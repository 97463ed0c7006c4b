// An issue as email: subject, HTML and plain text from one React Email
// template, rendered once per issue. Each recipient's copy differs only in
// the unsubscribe token, put in place of UNSUBSCRIBE_PLACEHOLDER when sent.
//
// How much of each article goes in is asked of the one read of article text
// (lib/access/read-article.ts) for the newsletter's audience (a subscriber,
// or a registered reader without a subscription), capped by the newsletter's
// depth. For a preview only the stored preview is read from the database:
// the free newsletter never holds gated text, not even in memory.
import { render } from "@react-email/render";
import type { AccessLevel, ReaderForAccess } from "@/lib/access/decide-access";
import { audienceLevel, readArticlesForAudience } from "@/lib/access/read-article";
import { formatDayMonth } from "@/lib/articles/format";
import { joinParts } from "@/lib/articles/paywall-cut";
import { env, publicUrl } from "@/lib/config/env";
import { markdownToEmailHtml } from "@/lib/mail/email-markdown";
import { emailImage } from "@/lib/media/email-image-token";
import { NewsletterEmail, type NewsletterEmailItem } from "@/lib/mail/newsletter-email";
import { UNSUBSCRIBE_TOKEN_LENGTH } from "@/lib/newsletters/unsubscribe-token";
import type { IssueArticle } from "./issue-articles";
import type { IssueDate } from "./issue-schedule";
import { NEWSLETTER_CATALOG, type NewsletterInfo, type NewsletterKey } from "./newsletter-catalog";

/**
 * Stands for the recipient's token in the rendered issue: letters and
 * underscores only, so no encoding touches it, and as long as a token.
 */
export const UNSUBSCRIBE_PLACEHOLDER = "__FOLIO_UNSUBSCRIBE_TOKEN__".padEnd(UNSUBSCRIBE_TOKEN_LENGTH, "_");

export type RenderedIssue = { subject: string; html: string; text: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/** A representative reader of the newsletter's audience, for the access decision. */
function audienceReader(info: NewsletterInfo, now: Date): ReaderForAccess {
  const subscribed = info.audience === "subscribers";
  return {
    subscriptions: subscribed
      ? [{ status: "active", currentPeriodEnd: new Date(now.getTime() + DAY_MS), pastDueSince: null, endedAt: null }]
      : [],
    compUntil: null,
    unlockedThisArticle: false,
    organisations: [],
    // Nothing is spent by receiving an email: the meter plays no part.
    unlocksThisMonth: Number.MAX_SAFE_INTEGER,
  };
}

/** How much of an article the newsletter carries: the decision, capped by the newsletter's depth. */
export function itemLevel(info: NewsletterInfo, article: { free: boolean }, now: Date): AccessLevel {
  return audienceLevel(audienceReader(info, now), article, { now, maxLevel: info.depth });
}

/** "Monday, 7 December 2026" (or without the year): a calendar day, so no time zone applies. */
function dayLabel(date: IssueDate, withYear: boolean): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

export function issueLabel(date: IssueDate): string {
  return dayLabel(date, true);
}

export function issueWebPath(newsletter: NewsletterKey, date: IssueDate): string {
  return `/newsletters/${NEWSLETTER_CATALOG[newsletter].slug}/${date}`;
}

export function issueSubject(info: NewsletterInfo, date: IssueDate, articles: { title: string }[]): string {
  const day = dayLabel(date, false);
  const lead = articles[0]?.title;
  return lead ? `${info.name}, ${day}: ${lead}` : `${info.name}, ${day}`;
}

export async function renderIssue(options: {
  newsletter: NewsletterKey;
  issueDate: IssueDate;
  editorNote: string;
  articles: IssueArticle[];
  now: Date;
}): Promise<RenderedIssue> {
  const info = NEWSLETTER_CATALOG[options.newsletter];
  const site = publicUrl();
  const kept = options.articles.filter((article) => !article.dropped);
  const items: NewsletterEmailItem[] = [];
  const texts = await readArticlesForAudience(audienceReader(info, options.now), kept, {
    now: options.now,
    maxLevel: info.depth,
  });
  for (const article of kept) {
    const text = texts.get(article.id);
    if (!text) continue;
    const markdown = joinParts(text.previewMarkdown, text.gatedMarkdown);
    items.push({
      title: article.title,
      dek: article.dek,
      url: `${site}/articles/${article.slug}`,
      kind: article.kind === "in_depth" ? "In-Depth" : "Daily Analysis",
      byline: article.authors.length > 0 ? `By ${article.authors.join(" and ")}` : "",
      date: formatDayMonth(article.publishedAt),
      bodyHtml: markdownToEmailHtml(markdown, site),
      image: article.leadImage ? { ...emailImage(site, article.leadImage), alt: article.leadImage.alt } : null,
      whole: text.level === "full" || !text.hasGatedPart,
    });
  }
  const element = (
    <NewsletterEmail
      publicationName={env().PUBLICATION_NAME}
      newsletterName={info.name}
      tagline={info.tagline}
      issueLabel={issueLabel(options.issueDate)}
      editorNote={options.editorNote}
      items={items}
      siteUrl={site}
      webUrl={`${site}${issueWebPath(options.newsletter, options.issueDate)}`}
      accountUrl={`${site}/account#newsletters`}
      unsubscribeUrl={`${site}/unsubscribe/${UNSUBSCRIBE_PLACEHOLDER}`}
    />
  );
  // Headings keep their case in the text version (html-to-text would shout them).
  const headings = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions: { selectors: headings } }),
  ]);
  return { subject: issueSubject(info, options.issueDate, kept), html, text };
}
