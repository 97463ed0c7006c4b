// "Send a test to me" against real PostgreSQL and the test run's MailDev:
// the editor gets the issue as the preview renders it, "[Test]" in the
// subject; the issue is not touched; parallel presses past the limit are
// refused (the count and the audit entry are taken under one lock).
import { afterAll, describe, expect, it } from "vitest";
import { actorOf, ForbiddenError, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { dateColumn } from "@/lib/newsletters/issue-dates";
import { previewNextIssue } from "@/lib/newsletters/next-issue";
import { sendTestIssue, TEST_SENDS_PER_WINDOW } from "@/lib/newsletters/test-send";
import { uniqueSuffix } from "../fixtures/articles";
import { mailsTo } from "../fixtures/maildev";
import { freshIssueDate, publishInWindow } from "../fixtures/newsletters";

const people: string[] = [];
afterAll(async () => {
  await db().auditEntry.deleteMany({ where: { actorId: { in: people } } });
});

async function person(role: "reader" | "editor"): Promise<Actor> {
  const user = await db().user.create({ data: { email: `test-send-${role}-${uniqueSuffix()}@example.org`, role } });
  people.push(user.id);
  return actorOf(user);
}

const morningOf = (date: string) => new Date(`${date}T05:00:00Z`);

describe("a test send", () => {
  it("mails the issue as previewed to the editor, marked [Test], and leaves the issue unsent", async () => {
    const editor = await person("editor");
    const date = await freshIssueDate("weekly_review");
    const article = await publishInWindow("weekly_review", date, { title: `Tested ${uniqueSuffix()}` });
    const now = morningOf(date);
    const preview = await previewNextIssue(editor, "weekly_review", now);

    const result = await sendTestIssue(editor, "weekly_review", date, now);
    expect(result).toEqual({ kind: "sent", to: editor.label, subject: `[Test] ${preview.subject}` });
    await expect.poll(async () => (await mailsTo(editor.label)).length).toBe(1);
    const [mail] = await mailsTo(editor.label);
    expect(mail!.subject).toBe(`[Test] ${preview.subject}`);
    expect(mail!.text).toContain(article.title);

    const issues = await db().newsletterIssue.findMany({
      where: { newsletter: "weekly_review", issueDate: dateColumn(date) },
      include: { _count: { select: { deliveries: true } } },
    });
    for (const issue of issues) expect(issue).toMatchObject({ status: "draft", html: null, _count: { deliveries: 0 } });
    const audit = await db().auditEntry.findMany({ where: { actorId: editor.id, action: "newsletter.test" } });
    expect(audit.map((entry) => entry.subject)).toEqual([`weekly_review ${date}`]);
  });

  it("is refused to a reader, for a stale issue and for an empty one, and sends nothing", async () => {
    const reader = await person("reader");
    const editor = await person("editor");
    const date = await freshIssueDate("weekly_review");
    const now = morningOf(date);
    await expect(sendTestIssue(reader, "weekly_review", date, now)).rejects.toThrow(ForbiddenError);
    expect(await sendTestIssue(editor, "weekly_review", date, now)).toEqual({ kind: "empty" });
    expect(await sendTestIssue(editor, "weekly_review", "1989-01-07", now)).toEqual({ kind: "stale" });
    expect(await mailsTo(editor.label)).toEqual([]);
    expect(await mailsTo(reader.label)).toEqual([]);
  });

  it(`allows ${TEST_SENDS_PER_WINDOW} in the window, however many are pressed at once`, async () => {
    const editor = await person("editor");
    const date = await freshIssueDate("weekly_review");
    await publishInWindow("weekly_review", date);
    const now = morningOf(date);
    const results = await Promise.all(
      Array.from({ length: TEST_SENDS_PER_WINDOW + 3 }, () => sendTestIssue(editor, "weekly_review", date, now)),
    );
    expect(results.filter((result) => result.kind === "sent")).toHaveLength(TEST_SENDS_PER_WINDOW);
    expect(results.filter((result) => result.kind === "limited")).toHaveLength(3);
    await expect.poll(async () => (await mailsTo(editor.label)).length).toBe(TEST_SENDS_PER_WINDOW);
    expect(await db().auditEntry.count({ where: { actorId: editor.id, action: "newsletter.test" } })).toBe(
      TEST_SENDS_PER_WINDOW,
    );
  });
});
