// The Daily Review as a subscriber meets it: an editor sends the next issue
// from the newsroom, the subscriber finds it in the inbox (MailDev), follows
// an article link and reads the article whole, unsubscribes with the link in
// the email, and the next issue reaches another subscriber but not them.
import { expect, test, type Page } from "@playwright/test";
import { CUT_COLUMNS, cutValues, storedCut } from "../lib/articles/stored-cut";
import { sql } from "./database";
import { mailsTo, type Mail } from "./maildev";
import { createReader, startSession } from "./sessions";

// Generous: on a loaded machine with the embedded database, an issue to ~60 readers took 65 s.
const MAIL_TIMEOUT_MS = 120_000;

async function subscriber(email: string) {
  const reader = await createReader(email);
  await sql("UPDATE users SET comp_until = now() + interval '30 days' WHERE id = $1", [reader.id]);
  return reader;
}

/** An article published one second into the next issue's window, as the newsroom page shows it. */
async function publishIntoNextIssue(editorPage: Page, slug: string, title: string, body: string): Promise<void> {
  // The page's own content is enough; the rendered email in its frame can come later.
  await editorPage.goto("/admin/newsletters/daily-review", { waitUntil: "domcontentloaded" });
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
