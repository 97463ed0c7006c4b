// The web archive of sent issues (/newsletters): public, like the site. What
// an issue shows of each article is decided per reader by the access decision
// (capped by the newsletter's depth), through the same read as the article
// page (lib/access/read-article.ts): a reader who may not read an article
// gets its preview, and its gated part is not loaded.
import type { BrowserContext } from "@/lib/access/article-access";
import type { AccessLevel } from "@/lib/access/decide-access";
import { readArticlesFor, type ArticleText } from "@/lib/access/read-article";
import type { Reader } from "@/lib/auth/get-reader";
import { db } from "@/lib/db/prisma";
import { frozenIssueArticles, type IssueArticle } from "./issue-articles";
import { dateColumn, issueDateOf } from "./issue-dates";
import type { IssueDate } from "./issue-schedule";
import { NEWSLETTER_CATALOG, type NewsletterKey } from "./newsletter-catalog";

const PUBLISHED = ["sending", "sent"] as const;

export type ArchivedIssueSummary = { newsletter: NewsletterKey; issueDate: IssueDate; subject: string | null };

export async function listArchivedIssues(options: { newsletter?: NewsletterKey; page: number; perPage?: number }) {
  const perPage = options.perPage ?? 30;
  const rows = await db().newsletterIssue.findMany({
    where: { status: { in: [...PUBLISHED] }, ...(options.newsletter ? { newsletter: options.newsletter } : {}) },
    orderBy: [{ issueDate: "desc" }, { newsletter: "asc" }],
    skip: (options.page - 1) * perPage,
    take: perPage + 1,
    select: { newsletter: true, issueDate: true, subject: true },
  });
  return {
    issues: rows.slice(0, perPage).map((row) => ({ ...row, issueDate: issueDateOf(row.issueDate) })),
    hasMore: rows.length > perPage,
  };
}

export type ArchivedIssue = {
  newsletter: NewsletterKey;
  issueDate: IssueDate;
  subject: string | null;
  editorNote: string;
  articles: IssueArticle[];
};

export async function getArchivedIssue(newsletter: NewsletterKey, issueDate: IssueDate): Promise<ArchivedIssue | null> {
  const row = await db().newsletterIssue.findUnique({
    where: { newsletter_issueDate: { newsletter, issueDate: dateColumn(issueDate) } },
    select: { id: true, status: true, subject: true, editorNote: true },
  });
  if (!row || !(PUBLISHED as readonly string[]).includes(row.status)) return null;
  return {
    newsletter,
    issueDate,
    subject: row.subject,
    editorNote: row.editorNote,
    articles: await frozenIssueArticles(db(), row.id),
  };
}

export type ArchivedItem = { article: IssueArticle; level: AccessLevel; text: ArticleText };

/**
 * Each article of the issue with the text this reader (and the request's
 * address, when an organisation admits it) may read of it, never more than
 * the email carried.
 */
export async function archivedItemsFor(
  issue: ArchivedIssue,
  reader: Reader | null,
  browser: Pick<BrowserContext, "addressOrganisations"> = {},
): Promise<ArchivedItem[]> {
  const depth = NEWSLETTER_CATALOG[issue.newsletter].depth;
  const texts = await readArticlesFor(reader, issue.articles, { maxLevel: depth, browser });
  return issue.articles.flatMap((article) => {
    const text = texts.get(article.id);
    return text ? [{ article, level: text.level, text }] : [];
  });
}
