// How far the sending of an issue has got, from the send log, and the step
// that marks an issue sent once no recipient is left pending.
import { db } from "@/lib/db/prisma";

export type SendProgress = { total: number; sent: number; pending: number; failed: number };

/** Marks the issue sent when every row of its send log is sent or failed. */
export async function finishIssueIfDone(issueId: string): Promise<boolean> {
  const updated = await db().$executeRaw`
    UPDATE newsletter_issues SET status = 'sent', finished_at = now(), updated_at = now()
    WHERE id = ${issueId}::uuid AND status = 'sending' AND html IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries
                      WHERE issue_id = ${issueId}::uuid AND status IN ('pending', 'sending'))`;
  return updated > 0;
}

/** Progress of several issues at once (the newsroom's list), by issue id. */
export async function progressOf(issueIds: string[]): Promise<Map<string, SendProgress>> {
  const progress = new Map<string, SendProgress>(
    issueIds.map((id) => [id, { total: 0, sent: 0, pending: 0, failed: 0 }]),
  );
  if (issueIds.length === 0) return progress;
  const rows = await db().$queryRaw<{ issueId: string; status: string; count: number }[]>`
    SELECT issue_id::text AS "issueId", status::text AS status, count(*)::int AS count
    FROM newsletter_deliveries WHERE issue_id = ANY(${issueIds}::uuid[])
    GROUP BY issue_id, status`;
  for (const row of rows) {
    const entry = progress.get(row.issueId)!;
    entry.total += row.count;
    if (row.status === "sent") entry.sent += row.count;
    else if (row.status === "failed") entry.failed += row.count;
    else entry.pending += row.count;
  }
  return progress;
}
