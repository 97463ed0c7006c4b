// The next issue of a newsletter as the newsroom sees and shapes it: the
// articles in its window so far, in the order it will be sent, the editor's
// note, and the changes an editor can make before it goes out.
import { recordAudit } from "@/lib/audit/audit-log";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/config/env";
import { lockIssue } from "./draft-issue";
import { orderedIssueArticles, saveIssueOrder, type IssueArticle } from "./issue-articles";
import { dateColumn, nextIssueDate, windowOf } from "./issue-dates";
import { scheduleFrom, sendMoment, type IssueDate, type Window } from "./issue-schedule";
import { NEWSLETTER_CATALOG, type NewsletterInfo, type NewsletterKey } from "./newsletter-catalog";
import { renderIssue, type RenderedIssue } from "./render-issue";

export type NextIssue = {
  info: NewsletterInfo;
  issueDate: IssueDate;
  /** When the schedule sends it. */
  sendAt: Date;
  window: Window;
  /** Articles published from now until the window closes still join it. */
  windowOpen: boolean;
  editorNote: string;
  /** In order; dropped ones included (and marked). */
  articles: IssueArticle[];
};

export const MAX_NOTE_LENGTH = 2_000;

export async function getNextIssue(actor: Actor, newsletter: NewsletterKey, now = new Date()): Promise<NextIssue> {
  assertRole(actor, "editor");
  const issueDate = await nextIssueDate(newsletter, now);
  const draft = await db().newsletterIssue.findUnique({
    where: { newsletter_issueDate: { newsletter, issueDate: dateColumn(issueDate) } },
    select: { id: true, editorNote: true },
  });
  const window = await windowOf(newsletter, issueDate, now);
  const articles = await orderedIssueArticles(db(), draft?.id ?? null, window, now);
  const sendAt = sendMoment(newsletter, issueDate, scheduleFrom(env()));
  return {
    info: NEWSLETTER_CATALOG[newsletter],
    issueDate,
    sendAt,
    window,
    windowOpen: window.end.getTime() >= now.getTime(),
    editorNote: draft?.editorNote ?? "",
    articles,
  };
}

/** The next issue rendered exactly as it would be sent now (with a placeholder unsubscribe link). */
export async function previewNextIssue(
  actor: Actor,
  newsletter: NewsletterKey,
  now = new Date(),
): Promise<RenderedIssue & { next: NextIssue }> {
  const next = await getNextIssue(actor, newsletter, now);
  const rendered = await renderIssue({
    newsletter,
    issueDate: next.issueDate,
    editorNote: next.editorNote,
    articles: next.articles,
    now,
  });
  return { ...rendered, next };
}

export type IssueChange =
  { kind: "note"; note: string } | { kind: "up" | "down" | "drop" | "restore"; articleId: string };

/** "stale": the page showed an issue that is no longer the next one (it was sent, or its day passed). */
export type EditResult = "saved" | "stale" | "not-in-issue";

export async function editNextIssue(
  actor: Actor,
  newsletter: NewsletterKey,
  issueDate: IssueDate,
  change: IssueChange,
  now = new Date(),
): Promise<EditResult> {
  assertRole(actor, "editor");
  if ((await nextIssueDate(newsletter, now)) !== issueDate) return "stale";
  return db().$transaction(async (tx) => {
    const issue = await lockIssue(tx, newsletter, issueDate);
    if (issue.status !== "draft") return "stale";
    if (change.kind === "note") {
      await tx.newsletterIssue.update({
        where: { id: issue.id },
        data: { editorNote: change.note.slice(0, MAX_NOTE_LENGTH) },
      });
    } else {
      const window = await windowOf(newsletter, issueDate, now, tx);
      const articles = await orderedIssueArticles(tx, issue.id, window, now);
      const index = articles.findIndex((article) => article.id === change.articleId);
      if (index === -1) return "not-in-issue";
      const article = articles[index]!;
      if (change.kind === "drop" || change.kind === "restore") {
        article.dropped = change.kind === "drop";
      } else {
        const other = change.kind === "up" ? index - 1 : index + 1;
        if (other >= 0 && other < articles.length) [articles[index], articles[other]] = [articles[other]!, article];
      }
      await saveIssueOrder(tx, issue.id, articles);
    }
    await recordAudit(tx, actor, {
      action: "newsletter.edit",
      subject: `${newsletter} ${issueDate}`,
      details: change.kind === "note" ? { change: "note" } : { change: change.kind, article: change.articleId },
    });
    return "saved";
  });
}
