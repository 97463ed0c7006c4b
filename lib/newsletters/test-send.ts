// "Send a test to me": the next issue, rendered by the same renderIssue as
// the preview and the real send, to the editor's own address through the
// same SMTP setting. It is the copy a reader of the newsletter's audience
// would get, but for "[Test]" in front of the subject and the editor's own
// unsubscribe link (which works, for the editor). Nothing about the issue
// changes: no send log, no status, no frozen items.
//
// Limited to TEST_SENDS_PER_WINDOW per editor in TEST_WINDOW_MINUTES,
// counted in the audit log, which records every test (the count and the
// entry are taken under a per-editor advisory lock, so parallel presses
// count one after another).
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit-log";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { sendMail } from "@/lib/mail/send-mail";
import { nextIssueDate } from "./issue-dates";
import type { IssueDate } from "./issue-schedule";
import type { NewsletterKey } from "./newsletter-catalog";
import { previewNextIssue } from "./next-issue";
import { messageFor } from "./send-batch";

export const TEST_SENDS_PER_WINDOW = 5;
export const TEST_WINDOW_MINUTES = 10;
export const TEST_SUBJECT_PREFIX = "[Test] ";

export type TestSendResult =
  | { kind: "sent"; to: string; subject: string }
  /** The page showed an issue that is no longer the next one. */
  | { kind: "stale" }
  /** Nothing in the issue: it would not be sent either. */
  | { kind: "empty" }
  | { kind: "limited" }
  /** The relay did not take the message. */
  | { kind: "failed"; reason: string };

export async function sendTestIssue(
  actor: Actor,
  newsletter: NewsletterKey,
  issueDate: IssueDate,
  now = new Date(),
): Promise<TestSendResult> {
  assertRole(actor, "editor");
  const userId = actor.id;
  if (userId === null) throw new Error("a test goes to the editor's own address: the command line has none");
  if ((await nextIssueDate(newsletter, now)) !== issueDate) return { kind: "stale" };
  const preview = await previewNextIssue(actor, newsletter, now);
  const articles = preview.next.articles.filter((article) => !article.dropped).length;
  if (articles === 0) return { kind: "empty" };

  const email = await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`newsletter-test:${userId}`}))::text`;
    // The clock, not `now` (the moment the issue is assembled for).
    const since = new Date(Date.now() - TEST_WINDOW_MINUTES * 60_000);
    const recent = await tx.auditEntry.count({
      where: { actorId: userId, action: "newsletter.test", createdAt: { gt: since } },
    });
    if (recent >= TEST_SENDS_PER_WINDOW) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    // Recorded before sending (an attempt the relay refuses still counts):
    // the limit must hold while the message is on its way.
    await recordAudit(tx, actor, {
      action: "newsletter.test",
      subject: `${newsletter} ${issueDate}`,
      details: { to: user.email, articles },
    });
    return user.email;
  });
  if (email === null) return { kind: "limited" };

  const subject = `${TEST_SUBJECT_PREFIX}${preview.subject}`;
  // A Message-ID of its own: mail clients would hide a second test as a duplicate.
  const issue = { id: `test-${randomUUID()}`, newsletter, subject, html: preview.html, text: preview.text };
  const { to, html, text, headers, messageId } = messageFor(issue, { userId, email });
  try {
    await sendMail({ to, subject, html, text, headers, messageId });
  } catch (error) {
    return { kind: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
  return { kind: "sent", to: email, subject };
}
