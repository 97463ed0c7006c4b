// Scheduled articles go live through pg-boss. Every job on the queue runs the
// same sweep: publish whatever is scheduled and due. Scheduling sends a job for
// the article's time; a cron job sweeps every minute and one more sweep runs
// when a job runner starts, so a server that was down at the time, or a job
// that was lost, delays an article by a minute at most and never skips it.
// The sweep is one UPDATE on rows still scheduled, so however many sweeps run
// at once, each article is published (and logged) once.
import type PgBoss from "pg-boss";
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { PUBLISH_DUE_QUEUE } from "./publish-due-queue";
import { NEWSROOM_TRANSACTION } from "./transaction-options";

/** Who the audit log names for an article that went live on its schedule. */
export const SCHEDULED_PUBLISHING: Actor = { id: null, label: "scheduled publishing", role: "editor" };

export type DueArticle = { id: string; slug: string; title: string; publishedAt: Date };

export async function publishDueArticles(actor: Actor, now = new Date()): Promise<DueArticle[]> {
  assertRole(actor, "editor");
  const published = await db().$transaction(async (tx) => {
    // published_at stays the time the editor chose, not the minute the sweep ran.
    const rows = await tx.$queryRaw<{ id: string; slug: string; title: string; published_at: Date }[]>`
      UPDATE articles
      SET status = 'published',
          first_published_at = COALESCE(first_published_at, published_at),
          updated_at = now()
      WHERE status = 'scheduled' AND published_at <= ${now}
      RETURNING id::text AS id, slug, title, published_at`;
    for (const row of rows) {
      await recordAudit(tx, actor, {
        action: "article.publish",
        subject: row.title,
        details: { articleId: row.id, slug: row.slug, publishedAt: row.published_at.toISOString(), from: "scheduled" },
      });
    }
    return rows.map((row) => ({ id: row.id, slug: row.slug, title: row.title, publishedAt: row.published_at }));
  }, NEWSROOM_TRANSACTION);
  if (published.length > 0) {
    await refreshArticlePages({
      articleIds: published.map((article) => article.id),
      slugs: published.map((article) => article.slug),
    });
  }
  return published;
}

/** Registers the queue, the minute sweep and the worker on a started job runner. */
export async function startScheduledPublishing(boss: PgBoss, log: (line: string) => void): Promise<void> {
  await boss.createQueue(PUBLISH_DUE_QUEUE);
  await boss.schedule(PUBLISH_DUE_QUEUE, "* * * * *");
  await boss.work(PUBLISH_DUE_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    for (const article of await publishDueArticles(SCHEDULED_PUBLISHING)) {
      log(
        `jobs: published "${article.title}" (/articles/${article.slug}), scheduled for ${article.publishedAt.toISOString()}`,
      );
    }
  });
  // Whatever fell due while no runner was up goes live now, not at the next minute.
  await boss.send(PUBLISH_DUE_QUEUE, { reason: "start-up" });
}
