// The newsroom's side of the newsletters, against real PostgreSQL: role
// checks on every operation, the next issue and its editing, empty issues,
// and what the web archive shows to whom. No mail is sent here: sends start
// with a queue that accepts nothing, and the issues are removed afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { actorOf, ForbiddenError, type Actor } from "@/lib/auth/actor";
import { archivedItemsFor, getArchivedIssue } from "@/lib/newsletters/issue-archive";
import { addDays, instantOn, weekdayIndex } from "@/lib/calendar/calendar-day";
import { issueDateOf, nextIssueDate, windowOf } from "@/lib/newsletters/issue-dates";
import { nominalWindow, scheduleFrom } from "@/lib/newsletters/issue-schedule";
import { editNextIssue, getNextIssue, previewNextIssue } from "@/lib/newsletters/next-issue";
import { getIssueReport, listSentIssues } from "@/lib/newsletters/sent-issues";
import { startIssueSend } from "@/lib/newsletters/start-send";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { createSubscriber, freshIssueDate, publishInWindow } from "../fixtures/newsletters";
import { createReader } from "../fixtures/readers";

const noQueue = { send: async () => null };
const created: string[] = [];
afterAll(async () => {
  await db().newsletterIssue.deleteMany({ where: { id: { in: created } } });
});

async function person(role: "reader" | "editor"): Promise<Actor> {
  const user = await db().user.create({ data: { email: `${role}-${uniqueSuffix()}@example.org`, role } });
  return actorOf(user);
}

/** Five o'clock on the issue day: its window has closed, the schedule sends at seven. */
function morningOf(date: string): Date {
  return new Date(`${date}T05:00:00Z`);
}

describe("role checks", () => {
  it("refuses a reader every newsroom operation, and nothing changes", async () => {
    const reader = await person("reader");
    const date = await freshIssueDate("daily_review");
    await publishInWindow("daily_review", date);
    const now = morningOf(date);
    const refusals = [
      getNextIssue(reader, "daily_review", now),
      previewNextIssue(reader, "daily_review", now),
      editNextIssue(reader, "daily_review", date, { kind: "note", note: "hello" }, now),
      startIssueSend(reader, "daily_review", { issueDate: date, now, queue: noQueue }),
      listSentIssues(reader, { page: 1 }),
      getIssueReport(reader, "00000000-0000-4000-8000-000000000000"),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toThrow(ForbiddenError);
    expect(await db().newsletterIssue.count({ where: { issueDate: new Date(`${date}T00:00:00Z`) } })).toBe(0);
  });
});

describe("the next issue", () => {
  it("is what was published in its window, In-Depth first, newest first; editors reorder, drop and annotate it", async () => {
    const editor = await person("editor");
    const date = await freshIssueDate("daily_review");
    const now = morningOf(date);
    const tag = uniqueSuffix();
    const window = nominalWindow("daily_review", date, scheduleFrom(env()));
    const at = (hours: number) => new Date(window.start.getTime() + hours * 3_600_000);
    const early = await createArticle({ title: `Early ${tag}`, publishedAt: at(1) });
    await createArticle({ title: `Late ${tag}`, publishedAt: at(5) });
    const report = await createArticle({ title: `Report ${tag}`, kind: "in_depth", publishedAt: at(2) });
    await createArticle({ title: `Draft ${tag}`, status: "draft", publishedAt: at(3) });
    await createArticle({ title: `Before ${tag}`, publishedAt: new Date(window.start.getTime() - 1) });
    await createArticle({ title: `After ${tag}`, publishedAt: window.end });

    const next = await getNextIssue(editor, "daily_review", now);
    expect(next.issueDate).toBe(date);
    expect(next.windowOpen).toBe(false);
    expect(next.articles.map((article) => article.title)).toEqual([`Report ${tag}`, `Late ${tag}`, `Early ${tag}`]);

    expect(await editNextIssue(editor, "daily_review", date, { kind: "down", articleId: report.id }, now)).toBe(
      "saved",
    );
    expect(await editNextIssue(editor, "daily_review", date, { kind: "drop", articleId: early.id }, now)).toBe("saved");
    expect(await editNextIssue(editor, "daily_review", date, { kind: "note", note: `Good morning ${tag}.` }, now)).toBe(
      "saved",
    );
    const edited = await getNextIssue(editor, "daily_review", now);
    expect(edited.articles.map((article) => [article.title, article.dropped])).toEqual([
      [`Late ${tag}`, false],
      [`Report ${tag}`, false],
      [`Early ${tag}`, true],
    ]);
    const preview = await previewNextIssue(editor, "daily_review", now);
    expect(preview.html).toContain(`Good morning ${tag}.`);
    expect(preview.text.indexOf(`Late ${tag}`)).toBeLessThan(preview.text.indexOf(`Report ${tag}`));
    expect(preview.text).not.toContain(`Early ${tag}`);
    expect(preview.subject).toContain(`Late ${tag}`);
    expect(await db().auditEntry.count({ where: { actorId: editor.id, action: "newsletter.edit" } })).toBe(3);

    // Another article published later joins at the end; a page showing another day is stale.
    const later = await createArticle({ title: `Later ${tag}`, kind: "in_depth", publishedAt: at(6) });
    expect((await getNextIssue(editor, "daily_review", now)).articles.at(-1)?.id).toBe(later.id);
    expect(await editNextIssue(editor, "daily_review", "1989-01-02", { kind: "note", note: "x" }, now)).toBe("stale");
    expect(await editNextIssue(editor, "daily_review", date, { kind: "drop", articleId: randomUUID() }, now)).toBe(
      "not-in-issue",
    );

    // Sent: frozen in that order, no longer editable, and the next issue is the next weekday's.
    await createSubscriber("newsroom");
    const started = await startIssueSend(editor, "daily_review", { issueDate: date, now, queue: noQueue });
    if (started.kind !== "started") throw new Error(started.kind);
    created.push(started.issueId);
    expect(started.recipients).toBeGreaterThan(0);
    expect(await editNextIssue(editor, "daily_review", date, { kind: "note", note: "too late" }, now)).toBe("stale");
    expect((await startIssueSend(editor, "daily_review", { issueDate: date, now, queue: noQueue })).kind).toBe(
      "already",
    );
    expect((await getNextIssue(editor, "daily_review", now)).issueDate).not.toBe(date);
    const issueReport = await getIssueReport(editor, started.issueId);
    expect(issueReport?.articles.map((article) => article.title)).toEqual([
      `Late ${tag}`,
      `Report ${tag}`,
      `Later ${tag}`,
    ]);
    expect(issueReport?.progress).toMatchObject({
      total: started.recipients,
      sent: 0,
      pending: started.recipients,
      failed: 0,
    });
  });

  it("with nothing in its window is not sent, and the next window starts where it ended", async () => {
    const editor = await person("editor");
    const date = await freshIssueDate("daily_review");
    const result = await startIssueSend(editor, "daily_review", {
      issueDate: date,
      now: morningOf(date),
      queue: noQueue,
    });
    if (result.kind !== "empty") throw new Error(`expected an empty issue, got ${result.kind}`);
    created.push(result.issueId);
    const issue = await db().newsletterIssue.findUniqueOrThrow({ where: { id: result.issueId } });
    expect(issue).toMatchObject({ status: "empty", recipients: 0 });
    expect(await db().newsletterDelivery.count({ where: { issueId: result.issueId } })).toBe(0);
    const nextDay = new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    const nextWindow = await windowOf("daily_review", nextDay, new Date(`${nextDay}T07:00:00Z`));
    expect(nextWindow.start.toISOString()).toBe(issue.windowEnd!.toISOString());
  });
});

describe("the web archive", () => {
  it("shows a sent Daily Review's gated text only to readers who may read it", async () => {
    const editor = await person("editor");
    const date = await freshIssueDate("daily_review");
    const gatedSentence = `The minister signed the order at midnight ${uniqueSuffix()}`;
    await publishInWindow("daily_review", date, {
      body: ["It began quietly.", "<!-- paywall -->", `${gatedSentence}.`].join("\n\n"),
    });
    await publishInWindow("daily_review", date, { free: true, body: "A free piece.\n\nAll of it." });
    const started = await startIssueSend(editor, "daily_review", {
      issueDate: date,
      now: morningOf(date),
      queue: noQueue,
    });
    if (started.kind !== "started") throw new Error(started.kind);
    created.push(started.issueId);

    const issue = await getArchivedIssue("daily_review", date);
    expect(issue?.articles).toHaveLength(2);
    const textFor = async (
      reader: Parameters<typeof archivedItemsFor>[1],
      browser?: Parameters<typeof archivedItemsFor>[2],
    ) =>
      (await archivedItemsFor(issue!, reader, browser))
        .map((item) => `${item.text.previewMarkdown}\n${item.text.gatedMarkdown ?? ""}`)
        .join("\n");

    expect(await textFor(null)).not.toContain(gatedSentence);
    expect(await textFor(null)).toContain("All of it.");
    const registered = await createReader();
    expect(
      await textFor({ id: registered.id, email: registered.email, role: "reader", compUntil: null }),
    ).not.toContain(gatedSentence);
    const subscriber = await createSubscriber("archive");
    expect(
      await textFor({ id: subscriber.id, email: subscriber.email, role: "reader", compUntil: subscriber.compUntil }),
    ).toContain(gatedSentence);
    // A visitor whose address an organisation admits, while it runs.
    const day = 86_400_000;
    const running = { startsAt: new Date(Date.now() - day), endsAt: new Date(Date.now() + day) };
    expect(await textFor(null, { addressOrganisations: [running] })).toContain(gatedSentence);
    const ended = { startsAt: new Date(Date.now() - 2 * day), endsAt: new Date(Date.now() - day) };
    expect(await textFor(null, { addressOrganisations: [ended] })).not.toContain(gatedSentence);

    // Drafts and issues not sent are not in the archive.
    expect(await getArchivedIssue("daily_review", "1989-01-02")).toBeNull();
  });
});

describe("an issue sent ahead of its day", () => {
  it("is dated the day it goes out, and the issue of its own day carries what follows", async () => {
    const editor = await person("editor");
    const timeZone = env().PUBLICATION_TIMEZONE;
    let monday = await freshIssueDate("daily_review");
    while (weekdayIndex(monday) !== 0) monday = addDays(monday, 1);
    const saturday = addDays(monday, -2);
    const now = instantOn(saturday, "12:00", timeZone);
    const tag = uniqueSuffix();
    await createArticle({ title: `Friday ${tag}`, publishedAt: instantOn(addDays(monday, -3), "10:00", timeZone) });
    await createArticle({ title: `Saturday ${tag}`, publishedAt: instantOn(saturday, "11:00", timeZone) });
    expect(await nextIssueDate("daily_review", now)).toBe(monday);

    // "Send now" on Saturday: Monday's issue, with what was published up to now, dated Saturday.
    const sent = await startIssueSend(editor, "daily_review", { issueDate: monday, now, queue: noQueue });
    if (sent.kind !== "started") throw new Error(`expected a send, got ${sent.kind}`);
    created.push(sent.issueId);
    expect(sent.issueDate).toBe(saturday);
    const issue = await db().newsletterIssue.findUniqueOrThrow({ where: { id: sent.issueId } });
    expect(issueDateOf(issue.issueDate)).toBe(saturday);
    expect(issue.subject).toMatch(/^The Daily Review, Saturday \d+ \w+: Saturday /);
    expect(issue.html).toContain(`/newsletters/daily-review/${saturday}`);
    expect(issue.html).not.toContain(`/newsletters/daily-review/${monday}`);
    const archived = await getArchivedIssue("daily_review", saturday);
    expect(archived?.articles.map((article) => article.title)).toEqual([`Saturday ${tag}`, `Friday ${tag}`]);
    expect(await getArchivedIssue("daily_review", monday)).toBeNull();

    // Monday's issue is still the next one; it starts where Saturday's ended.
    const later = new Date(now.getTime() + 3_600_000);
    expect(await nextIssueDate("daily_review", later)).toBe(monday);
    const window = await windowOf("daily_review", monday, later);
    expect(window.start.toISOString()).toBe(now.toISOString());

    // A second "send now" the same day cannot be Saturday's too: it keeps Monday's date and goes out instead of it.
    const again = await startIssueSend(editor, "daily_review", { issueDate: monday, now: later, queue: noQueue });
    if (again.kind !== "empty") throw new Error(`expected an empty issue (nothing new since), got ${again.kind}`);
    created.push(again.issueId);
    expect(again.issueDate).toBe(monday);
    expect(await getArchivedIssue("daily_review", saturday)).not.toBeNull();
  });
});
