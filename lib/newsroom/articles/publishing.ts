// Publishing now, scheduling and unpublishing. Each is one transaction with
// its audit entry; doing one twice changes nothing the second time (and logs
// nothing). Scheduling also sends the pg-boss job that publishes at the time,
// in the same transaction; the once-a-minute sweep (scheduled-publishing.ts)
// catches anything whose job was lost.
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import type { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/prisma";
import { sendInTransaction } from "@/lib/jobs/send-in-transaction";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { FieldErrors } from "./article-input";
import { lockArticle, type ArticleStatus, type EditableArticle } from "./editable-article";
import { PUBLISH_DUE_QUEUE } from "./publish-due-queue";
import { NEWSROOM_TRANSACTION } from "./transaction-options";

export type PublishingResult =
  | { kind: "published"; publishedAt: Date }
  | { kind: "scheduled"; publishAt: Date }
  | { kind: "unpublished"; from: ArticleStatus }
  /** Already in the state asked for: nothing changed. */
  | { kind: "unchanged"; status: ArticleStatus; publishedAt: Date | null }
  /** Published articles are unpublished before they are scheduled. */
  | { kind: "already-published" }
  | { kind: "conflict"; version: number }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  | { kind: "not-found" };

type Step = (article: EditableArticle, tx: Prisma.TransactionClient) => Promise<PublishingResult>;

/** Locks the article, checks the expected version, runs `step`; refreshes readers' pages when they changed. */
async function withArticle(id: string, expectedVersion: number | undefined, step: Step): Promise<PublishingResult> {
  const { result, slug, readersSee } = await db().$transaction(async (tx) => {
    const article = await lockArticle(tx, id);
    if (!article) return { result: { kind: "not-found" } as PublishingResult, slug: "", readersSee: false };
    if (expectedVersion !== undefined && article.version !== expectedVersion) {
      return {
        result: { kind: "conflict", version: article.version } as PublishingResult,
        slug: "",
        readersSee: false,
      };
    }
    const wasLive = article.status === "published";
    const outcome = await step(article, tx);
    const isLive = outcome.kind === "published" || (wasLive && outcome.kind !== "unpublished");
    return { result: outcome, slug: article.content.slug, readersSee: wasLive !== isLive };
  }, NEWSROOM_TRANSACTION);
  if (readersSee) await refreshArticlePages({ articleIds: [id], slugs: [slug] });
  return result;
}

/** What an article needs before readers may see it. */
function readiness(article: EditableArticle): FieldErrors {
  const errors: FieldErrors = {};
  if (article.content.title.trim() === "") errors.title = "Give the article a headline before publishing it.";
  if (article.content.body.trim() === "") errors.body = "Write the article before publishing it.";
  return errors;
}

function subjectOf(article: EditableArticle): string {
  return article.content.title;
}

export async function publishArticle(
  actor: Actor,
  id: string,
  options: { version?: number; now?: Date } = {},
): Promise<PublishingResult> {
  assertRole(actor, "editor");
  return withArticle(id, options.version, async (article, tx) => {
    if (article.status === "published")
      return { kind: "unchanged", status: article.status, publishedAt: article.publishedAt };
    const errors = readiness(article);
    if (Object.keys(errors).length > 0) return { kind: "invalid", fieldErrors: errors };
    const now = options.now ?? new Date();
    await tx.article.update({
      where: { id },
      data: { status: "published", publishedAt: now, firstPublished: article.firstPublished ?? now },
    });
    await recordAudit(tx, actor, {
      action: "article.publish",
      subject: subjectOf(article),
      details: { articleId: id, slug: article.content.slug, publishedAt: now.toISOString(), from: article.status },
    });
    return { kind: "published", publishedAt: now };
  });
}

export async function scheduleArticle(
  actor: Actor,
  id: string,
  options: { at: Date; version?: number; now?: Date },
): Promise<PublishingResult> {
  assertRole(actor, "editor");
  const now = options.now ?? new Date();
  if (options.at.getTime() <= now.getTime()) {
    return { kind: "invalid", fieldErrors: { publishAt: "Choose a time in the future, or publish now." } };
  }
  return withArticle(id, options.version, async (article, tx) => {
    if (article.status === "published") return { kind: "already-published" };
    if (article.status === "scheduled" && article.publishedAt?.getTime() === options.at.getTime()) {
      return { kind: "unchanged", status: article.status, publishedAt: article.publishedAt };
    }
    const errors = readiness(article);
    if (Object.keys(errors).length > 0) return { kind: "invalid", fieldErrors: errors };
    await tx.article.update({ where: { id }, data: { status: "scheduled", publishedAt: options.at } });
    // A job left from an earlier time finds nothing due and does nothing.
    await sendInTransaction(tx, PUBLISH_DUE_QUEUE, { articleId: id }, { startAfter: options.at });
    await recordAudit(tx, actor, {
      action: "article.schedule",
      subject: subjectOf(article),
      details: { articleId: id, slug: article.content.slug, publishAt: options.at.toISOString(), from: article.status },
    });
    return { kind: "scheduled", publishAt: options.at };
  });
}

/** Back to a draft: from published (readers lose it) or from scheduled (it will not go live). */
export async function unpublishArticle(
  actor: Actor,
  id: string,
  options: { version?: number } = {},
): Promise<PublishingResult> {
  assertRole(actor, "editor");
  return withArticle(id, options.version, async (article, tx) => {
    if (article.status === "draft") return { kind: "unchanged", status: article.status, publishedAt: null };
    const wasLive = article.status === "published";
    await tx.article.update({
      where: { id },
      data: {
        status: "draft",
        publishedAt: null,
        // Its links have been out: a later slug change keeps them working.
        firstPublished: wasLive ? (article.firstPublished ?? article.publishedAt) : article.firstPublished,
      },
    });
    await recordAudit(tx, actor, {
      action: "article.unpublish",
      subject: subjectOf(article),
      details: { articleId: id, slug: article.content.slug, from: article.status },
    });
    return { kind: "unpublished", from: article.status };
  });
}
