// Issues whose sending started, for the newsroom: the list with progress,
// and one issue's report (progress, failures, what it contained).
import { assertRole, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { issueDateOf } from "./issue-dates";
import type { IssueDate } from "./issue-schedule";
import type { NewsletterKey } from "./newsletter-catalog";
import { progressOf, type SendProgress } from "./send-progress";

export type SentIssueSummary = {
  id: string;
  newsletter: NewsletterKey;
  issueDate: IssueDate;
  status: "sending" | "sent" | "empty";
  subject: string | null;
  startedBy: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  recipients: number;
  progress: SendProgress;
};

export async function listSentIssues(
  actor: Actor,
  options: { page: number; perPage?: number },
): Promise<{ issues: SentIssueSummary[]; hasMore: boolean }> {
  assertRole(actor, "editor");
  const perPage = options.perPage ?? 30;
  const rows = await db().newsletterIssue.findMany({
    where: { status: { in: ["sending", "sent", "empty"] } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    skip: (options.page - 1) * perPage,
    take: perPage + 1,
    select: {
      id: true,
      newsletter: true,
      issueDate: true,
      status: true,
      subject: true,
      startedBy: true,
      startedAt: true,
      finishedAt: true,
      recipients: true,
    },
  });
  const page = rows.slice(0, perPage);
  const progress = await progressOf(page.map((row) => row.id));
  return {
    issues: page.map((row) => ({
      ...row,
      status: row.status as SentIssueSummary["status"],
      issueDate: issueDateOf(row.issueDate),
      progress: progress.get(row.id)!,
    })),
    hasMore: rows.length > perPage,
  };
}

export type IssueReport = SentIssueSummary & {
  windowStart: Date | null;
  windowEnd: Date | null;
  editorNote: string;
  articles: { title: string; slug: string }[];
  failures: { email: string; error: string | null; attempts: number }[];
  retrying: number;
};

export async function getIssueReport(actor: Actor, issueId: string): Promise<IssueReport | null> {
  assertRole(actor, "editor");
  const row = await db().newsletterIssue.findUnique({
    where: { id: issueId },
    include: {
      items: {
        where: { dropped: false },
        orderBy: { position: "asc" },
        select: { article: { select: { title: true, slug: true } } },
      },
    },
  });
  if (!row || row.status === "draft") return null;
  const [progress, failures, retrying] = await Promise.all([
    progressOf([row.id]),
    db().newsletterDelivery.findMany({
      where: { issueId, status: "failed" },
      orderBy: { email: "asc" },
      take: 100,
      select: { email: true, error: true, attempts: true },
    }),
    db().newsletterDelivery.count({ where: { issueId, status: "pending", attempts: { gt: 0 } } }),
  ]);
  return {
    id: row.id,
    newsletter: row.newsletter,
    issueDate: issueDateOf(row.issueDate),
    status: row.status as SentIssueSummary["status"],
    subject: row.subject,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    recipients: row.recipients,
    progress: progress.get(row.id)!,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    editorNote: row.editorNote,
    articles: row.items.map((item) => item.article),
    failures,
    retrying,
  };
}
