// The newsletter issues sent in a period: how many were to receive each, how
// many it reached, how many sends failed for good, and how many readers
// turned that newsletter off in the seven days from the send. Unsubscribes
// are counted per newsletter and day (lib/insights/), not per issue, so the
// windows of a daily newsletter's issues overlap: a reader who leaves on
// Thursday counts for Monday's issue and Wednesday's.
import { assertRole, type Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { unsubscribeMetric } from "@/lib/insights/insight-metrics";
import type { InsightsPeriod } from "./insights-period";

export type NewsletterIssueRow = {
  issueId: string;
  newsletter: string;
  issueDate: string;
  subject: string | null;
  recipients: number;
  delivered: number;
  failed: number;
  unsubscribes: number;
};

export async function newsletterReport(actor: Actor, period: InsightsPeriod): Promise<NewsletterIssueRow[]> {
  assertRole(actor, "editor");
  const timeZone = env().PUBLICATION_TIMEZONE;
  const rows = await db().$queryRaw<
    {
      id: string;
      newsletter: string;
      issue_date: string;
      subject: string | null;
      recipients: number;
      delivered: number;
      failed: number;
      unsubscribes: bigint | null;
    }[]
  >`
    SELECT i.id::text, i.newsletter::text, i.issue_date::text, i.subject, i.recipients,
           (SELECT count(*) FROM newsletter_deliveries d WHERE d.issue_id = i.id AND d.status = 'sent')::int AS delivered,
           (SELECT count(*) FROM newsletter_deliveries d WHERE d.issue_id = i.id AND d.status = 'failed')::int AS failed,
           (SELECT sum(c.count) FROM insight_counts c
             WHERE c.metric = ${unsubscribeMetric("")} || i.newsletter::text
               AND c.day >= (i.started_at AT TIME ZONE ${timeZone})::date
               AND c.day < (i.started_at AT TIME ZONE ${timeZone})::date + 7)::int8 AS unsubscribes
    FROM newsletter_issues i
    WHERE i.started_at IS NOT NULL AND i.issue_date BETWEEN ${period.from}::date AND ${period.to}::date
    ORDER BY i.issue_date DESC, i.newsletter`;
  return rows.map((row) => ({
    issueId: row.id,
    newsletter: row.newsletter,
    issueDate: row.issue_date,
    subject: row.subject,
    recipients: row.recipients,
    delivered: row.delivered,
    failed: row.failed,
    unsubscribes: Number(row.unsubscribes ?? 0),
  }));
}
