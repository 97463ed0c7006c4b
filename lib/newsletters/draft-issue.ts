// The row of an issue while the newsroom works on it, locked for the change
// at hand: created as a draft the first time anyone touches the issue.
import type { Prisma } from "@/lib/db/generated/client";
import type { NewsletterKey } from "./newsletter-catalog";
import { dateColumn } from "./issue-dates";
import type { IssueDate } from "./issue-schedule";

export type LockedIssue = { id: string; status: "draft" | "sending" | "sent" | "empty"; editorNote: string };

/** The issue's row, created if new, locked until the transaction ends. */
export async function lockIssue(
  tx: Prisma.TransactionClient,
  newsletter: NewsletterKey,
  date: IssueDate,
): Promise<LockedIssue> {
  await tx.$executeRaw`
    INSERT INTO newsletter_issues (newsletter, issue_date) VALUES (${newsletter}::"Newsletter", ${dateColumn(date)}::date)
    ON CONFLICT (newsletter, issue_date) DO NOTHING`;
  const [row] = await tx.$queryRaw<LockedIssue[]>`
    SELECT id::text AS id, status::text AS status, editor_note AS "editorNote"
    FROM newsletter_issues WHERE newsletter = ${newsletter}::"Newsletter" AND issue_date = ${dateColumn(date)}::date
    FOR UPDATE`;
  if (!row) throw new Error(`issue ${newsletter} ${date} vanished`);
  return row;
}
