// The Daily Review as a subscriber meets it: an editor sends the next issue
// from the newsroom, the subscriber finds it in the inbox (MailDev), follows
// an article link and reads the article whole, unsubscribes with the link in
// the email, and the next issue reaches another subscriber but not them.
// And the editor's side before sending: the email previewed in its frame
// (which only this site may frame) and "Send a test to me".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { CUT_COLUMNS, cutValues, storedCut } from "../lib/articles/stored-cut";
import { sql } from "./database";
import { mailsTo, waitForMails, type Mail } from "./maildev";
import { createReader, startSession } from "./sessions";

// Generous: on a loaded machine with the embedded database, an issue to ~60 readers took 65 s.
const MAIL_TIMEOUT_MS = 120_000;

async function subscriber(email: string) {
  const reader = await createReader(email);
  await sql("UPDATE users SET comp_until = now() + interval '30 days' WHERE id = $1", [reader.id]);
  return reader;
}

/** An article published one second into the next issue's window, as the newsroom page shows it. */
async function publishIntoNextIssue(
  editorPage: Page,
  slug: string,
  title: string,
  body: string,
  newsletter = "daily-review",
): Promise<void> {
  // The page's own content is enough; the rendered email in its frame can come later.
  await editorPage.goto(`/admin/newsletters/${newsletter}`, { waitUntil: "domcontentloaded" });
  const windowStart = await editorPage.locator(".next-issue").getAttribute("data-window-start");
  expect(windowStart).toBeTruthy();
  await sql(
    `INSERT INTO articles (slug, title, dek, body, kind, status, free, published_at, ${CUT_COLUMNS})
     VALUES ($1, $2, 'A newsletter test.', $3, 'daily', 'published', false, $4::timestamptz + interval '1 second',
             $5, $6, $7, $8, $9)`,
    [slug, title, body, windowStart, ...cutValues(storedCut(body))],
  );
  await editorPage.reload({ waitUntil: "domcontentloaded" });
  await expect(editorPage.getByRole("link", { name: title })).toBeVisible();
}

async function sendNow(editorPage: Page): Promise<void> {
  await editorPage.getByRole("button", { name: "Send now" }).click();
  await expect(editorPage.getByTestId("issue-status")).toContainText(/Sending to|Sent to/);
}

async function dailyReviewWith(address: string, title: string): Promise<Mail> {
  const deadline = Date.now() + MAIL_TIMEOUT_MS;
  for (;;) {
    const found = (await mailsTo(address)).find(
      (mail) => mail.subject.startsWith("The Daily Review") && mail.html.includes(title),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no Daily Review with "${title}" reached ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test(
  "a subscriber receives the Daily Review, reads from it, unsubscribes with its link and gets no more",
  { tag: "@smoke" },
  async ({ browser, page, context }) => {
    test.setTimeout(420_000);
    const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const reader = await subscriber(`daily-${stamp}@example.org`);
    const other = await subscriber(`daily-other-${stamp}@example.org`);
    await startSession(context, reader.email);
    // The newsroom is for editors: a reader gets a 403, from the page and the route.
    expect((await page.goto("/admin/newsletters"))?.status()).toBe(403);
    expect(
      (
        await page.request.post("/api/admin/newsletters/daily-review/send", { data: { issueDate: "2026-01-01" } })
      ).status(),
    ).toBe(403);

    const newsroom = await browser.newContext();
    const editor = await startSession(newsroom, `editor-${stamp}@example.org`);
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
    let editorPage = await newsroom.newPage();

    const first = { slug: `e2e-daily-review-${stamp}`, title: `The Ferry Subsidy Question ${stamp}` };
    const gatedSentence = `Ministers privately capped the ferry subsidy at four crossings a day ${stamp}`;
    await publishIntoNextIssue(
      editorPage,
      first.slug,
      first.title,
      ["The ferry operators met the ministry on Monday.", "<!-- paywall -->", `${gatedSentence}.`].join("\n\n"),
    );
    await editorPage.getByLabel(/At the top of the email/).fill(`A note from the desk ${stamp}.`);
    await editorPage.getByRole("button", { name: "Save note" }).click();
    await expect(editorPage.getByText("The next issue is updated.")).toBeVisible();
    await sendNow(editorPage);

    const mail = await dailyReviewWith(reader.email, first.title);
    expect(mail.html).toContain(`A note from the desk ${stamp}.`);
    expect(mail.text).toContain(first.title);
    expect(mail.text).toContain(gatedSentence); // the Review carries what subscribers may read
    const articleLink = mail.html.match(new RegExp(`href="(http[^"]+/articles/${first.slug})"`))?.[1];
    const unsubscribeLink = mail.html.match(/href="(http[^"]+\/unsubscribe\/[^"]+)"/)?.[1];
    expect(articleLink).toBeTruthy();
    expect(unsubscribeLink).toBeTruthy();

    await page.goto(articleLink!);
    await expect(page.getByRole("heading", { level: 1, name: first.title })).toBeVisible();
    await expect(page.getByText(gatedSentence)).toBeVisible();

    await page.goto(unsubscribeLink!.replace(/&amp;/g, "&"));
    await expect(page.getByRole("heading", { name: "Unsubscribe from The Daily Review?" })).toBeVisible();
    await page.getByRole("button", { name: "Unsubscribe from The Daily Review" }).click();
    await expect(page.getByRole("heading", { name: "You are unsubscribed from The Daily Review" })).toBeVisible();
    await page.goto("/account");
    await expect(page.locator("li", { hasText: "The Daily Review (weekdays)" })).toContainText("off");

    const second = { slug: `e2e-daily-review-next-${stamp}`, title: `The Port Strike Ballot ${stamp}` };
    // A page of its own: the first issue's page reloads itself every 3 s while
    // it sends, and a reload at the moment of a goto aborts the goto.
    await editorPage.close();
    editorPage = await newsroom.newPage();
    await publishIntoNextIssue(
      editorPage,
      second.slug,
      second.title,
      "Dockworkers vote this week.\n\nThe result is due on Friday.",
    );
    await sendNow(editorPage);
    await dailyReviewWith(other.email, second.title);
    await expect(editorPage.getByTestId("issue-status")).toContainText("Sent to", { timeout: MAIL_TIMEOUT_MS });
    const afterUnsubscribing = (await mailsTo(reader.email)).filter((received) => received.html.includes(second.title));
    expect(afterUnsubscribing).toEqual([]);
    await newsroom.close();
  },
);

/** The unsubscribe token (or its placeholder) differs between copies; everything else must not. */
function withoutToken(html: string): string {
  return html.replace(/\/unsubscribe\/[A-Za-z0-9._-]+/g, "/unsubscribe/TOKEN").replace(/\r\n/g, "\n");
}

test("the editor sees the email in its frame and sends a test of it to themselves; the issue stays unsent", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  // The Weekly Review: the other test here sends the next Daily Review, which would make this page's issue stale.
  const newsletter = "weekly-review";
  const newsroom = await browser.newContext();
  const editor = await startSession(newsroom, `editor-test-${stamp}@example.org`);
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  const page = await newsroom.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (frame|display)/i.test(message.text())) violations.push(message.text());
  });
  const title = `The Lighthouse Keepers Return ${stamp}`;
  await publishIntoNextIssue(
    page,
    `e2e-weekly-preview-${stamp}`,
    title,
    `Keepers are back on three islands ${stamp}.\n\n<!-- paywall -->\n\nThe ministry pays for two.`,
    newsletter,
  );
  const issuesBefore = await sql<{ count: string }>(
    "SELECT count(*) FROM newsletter_issues WHERE newsletter = 'weekly_review' AND status <> 'draft'",
  );
  // Of the Weekly Review only: the other test here sends a Daily Review meanwhile.
  const weeklyDeliveries = () =>
    sql<{ count: string }>(
      `SELECT count(*) FROM newsletter_deliveries d JOIN newsletter_issues i ON i.id = d.issue_id
       WHERE i.newsletter = 'weekly_review'`,
    );
  const deliveriesBefore = await weeklyDeliveries();

  // The frame shows the rendered email (it is lazy: it loads when scrolled to).
  const frameElement = page.locator("iframe.newsletter-preview");
  await frameElement.scrollIntoViewIfNeeded();
  const frame = page.frameLocator("iframe.newsletter-preview");
  await expect(frame.getByRole("heading", { name: "The Weekly Review" })).toBeVisible();
  await expect(frame.getByText(title)).toBeVisible();
  await expect(frame.getByText(`Keepers are back on three islands ${stamp}.`)).toBeVisible();
  expect(violations).toEqual([]);

  // Only the preview may be framed, and only by this site; the page frames nothing else.
  const previewUrl = `/api/admin/newsletters/${newsletter}/preview`;
  const preview = await page.request.get(previewUrl);
  expect(preview.status()).toBe(200);
  const previewPolicy = preview.headers()["content-security-policy"]!;
  expect(previewPolicy).toContain("frame-ancestors 'self'");
  expect(previewPolicy).not.toContain("frame-ancestors 'none'");
  expect(previewPolicy).toContain("sandbox");
  expect(previewPolicy).not.toMatch(/script-src/);
  expect(preview.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  const pagePolicy = (await page.request.get(`/admin/newsletters/${newsletter}`)).headers()["content-security-policy"]!;
  expect(pagePolicy).toContain("frame-src 'self'");
  expect(pagePolicy).toContain("frame-ancestors 'none'");
  // The issue as the preview renders it, just before and just after the test: a test running beside this one
  // may publish into this issue's window in between, so the test email must be one of the two.
  const renderedNow = async () => ({
    html: await (await page.request.get(previewUrl)).text(),
    subject: (await (await page.request.get(`${previewUrl}?format=text`)).text()).split("\n")[0]!.slice(9),
  });
  const before = await renderedNow();
  expect(before.subject).toMatch(/^The Weekly Review, /);

  // "Send a test to me": the same email, to the editor, [Test] in the subject.
  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByText("The test is sent to your address.")).toBeVisible();
  const after = await renderedNow();
  const [mail] = await waitForMails(editor.email, 1);
  expect(mail!.html).toContain(title);
  expect(mail!.text).toContain(`Keepers are back on three islands ${stamp}.`);
  const sameAs = [before, after].filter(
    (rendered) =>
      mail!.subject === `[Test] ${rendered.subject}` &&
      withoutToken(mail!.html).trim() === withoutToken(rendered.html).trim(),
  );
  expect(sameAs.length, `"${mail!.subject}" against "${before.subject}"`).toBeGreaterThan(0);
  // The unsubscribe link in the test is the editor's own, and it works.
  expect(mail!.html).toMatch(/\/unsubscribe\/u1\./);

  // Nothing about the issue changed: not sent, no send log; the test is in the audit log.
  expect(
    await sql("SELECT count(*) FROM newsletter_issues WHERE newsletter = 'weekly_review' AND status <> 'draft'"),
  ).toEqual(issuesBefore);
  expect(await weeklyDeliveries()).toEqual(deliveriesBefore);
  const audit = await sql<{ subject: string }>(
    "SELECT subject FROM audit_log WHERE actor_id = $1 AND action = 'newsletter.test'",
    [editor.id],
  );
  expect(audit).toHaveLength(1);
  expect(audit[0]!.subject).toMatch(/^weekly_review \d{4}-\d{2}-\d{2}$/);

  // Bad input gets a 4xx, never a 5xx, and sends nothing.
  const issueDate = await page.locator("form.test-send input[name=issueDate]").inputValue();
  const api = page.request;
  const post = (path: string, data: unknown, headers: Record<string, string> = {}) =>
    api.post(path, { data, headers: { origin: new URL(baseURL!).origin, ...headers } });
  expect((await post(`/api/admin/newsletters/${newsletter}/test`, { issueDate: "tomorrow" })).status()).toBe(400);
  expect((await post(`/api/admin/newsletters/${newsletter}/test`, { issueDate: "2020-01-06" })).status()).toBe(409);
  expect((await post(`/api/admin/newsletters/${newsletter}/test`, "[1,2]")).status()).toBe(400);
  expect((await post("/api/admin/newsletters/no-such-newsletter/test", { issueDate })).status()).toBe(404);
  const crossSite = await post(
    `/api/admin/newsletters/${newsletter}/test`,
    { issueDate },
    { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  );
  expect(crossSite.status()).toBe(403);
  expect(await mailsTo(editor.email)).toHaveLength(1);

  // A page of another origin cannot frame the preview: the browser refuses it by its header. The page is
  // served for real from 127.0.0.1 (the tests' site is localhost): Chromium refuses a page it cannot place
  // on the local network (one fulfilled by page.route) any local frame, whatever the frame's headers say.
  const foreignSite = createServer((_request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(`<!doctype html><title>Elsewhere</title><iframe src="${baseURL}${previewUrl}"></iframe>`);
  });
  await new Promise<void>((resolve) => foreignSite.listen(0, "127.0.0.1", resolve));
  try {
    const foreign = await newsroom.newPage();
    const refusals: string[] = [];
    foreign.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refusals.push(message.text());
    });
    const blocked: string[] = [];
    foreign.on("requestfailed", (request) => blocked.push(`${request.url()} ${request.failure()?.errorText}`));
    await foreign.goto(`http://127.0.0.1:${(foreignSite.address() as AddressInfo).port}/`);
    await expect.poll(() => refusals.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(refusals.join("\n")).toContain("frame-ancestors 'self'");
    expect(blocked).toContain(`${baseURL}${previewUrl} net::ERR_BLOCKED_BY_RESPONSE`);
  } finally {
    foreignSite.close();
  }
  await newsroom.close();
});
