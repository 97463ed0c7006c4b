// The newsroom editor as an editor uses it: writing an article with a preview
// cut, watching the live preview split it, scheduling it a minute ahead, and
// then, as an anonymous reader, finding it on the home page cut where the
// editor cut it. The web server's own job runner publishes it (JOBS=on) when
// the test moves its time to now; the timing itself is tested with pg-boss
// in test/integration/scheduled-publishing.test.ts.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { bringScheduledTimeToNow } from "./scheduled-time";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

/** `date` as a datetime-local field in the publication's time zone wants it. */
function wallClock(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: process.env.PUBLICATION_TIMEZONE || "UTC",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

test(
  "an editor writes an article with a preview cut, schedules it a minute ahead, and readers get it cut there",
  { tag: "@smoke" },
  async ({ page, browser }, testInfo) => {
    test.setTimeout(120_000);
    const editor = await startSession(page.context(), uniqueEmail(testInfo, "editor"));
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
    const word = randomUUID().slice(0, 8);
    const headline = `The Pipeline Tariff Nobody Costed ${word}`;
    const beforeCut = [
      `Customs officers began charging the new pipeline tariff on Monday, ${word} said.`,
      "Importers learned of it from their first invoices of the month.",
    ];
    const afterCut = `Behind closed doors the finance ministry admitted it had never estimated the revenue ${word}.`;

    await page.goto("/admin/articles");
    await page.getByRole("link", { name: "New article" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New article" })).toBeVisible();
    await page.getByLabel("Headline").fill(headline);
    await page.getByLabel("Dek").fill("A levy on gas transit that nobody priced.");
    await page.getByLabel("Author 1").selectOption({ label: "Helena Marsh" });
    // The demo topic: integration tests may have made other topics of that name.
    const [energy] = await sql<{ id: string }>(
      "SELECT id::text AS id FROM tags WHERE type = 'topic' AND slug = 'energy'",
    );
    await page.getByRole("group", { name: "Topics" }).locator(`input[value="${energy!.id}"]`).check();
    const body = page.getByLabel("Body (Markdown)");
    await body.fill(beforeCut.join("\n\n"));
    // The cut goes where the cursor is: after the two paragraphs written so far.
    await body.press("Control+End");
    await page.getByRole("button", { name: "Insert preview cut" }).click();
    await expect(page.getByText(/Preview cut on line \d+/)).toBeVisible();
    await body.press("Control+End");
    await body.pressSequentially(`\n${afterCut}`);

    const preview = page.getByRole("region", { name: "Live preview" });
    await expect(preview.getByText(headline)).toBeVisible();
    await expect(preview.getByRole("region", { name: "Free preview" })).toContainText(beforeCut[1]!);
    await expect(preview.getByRole("region", { name: "Behind the paywall" })).toContainText(afterCut);
    await expect(preview.getByRole("region", { name: "Free preview" })).not.toContainText(afterCut);
    await expect(preview.getByRole("separator")).toContainText("Preview cut");
    await expect(preview).toContainText("Helena Marsh");

    // Autosaved as a draft, and the address is the article's own now.
    const expectedBody = `${beforeCut.join("\n\n")}\n\n<!-- paywall -->\n\n${afterCut}`;
    await expect
      .poll(
        async () =>
          (
            await sql<{ body: string }>("SELECT body FROM articles WHERE title = $1 AND status = 'draft'", [headline])
          )[0]?.body,
        {
          timeout: 20_000,
        },
      )
      .toBe(expectedBody);
    await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);

    // A minute ahead, on the minute (the field has minutes only).
    const at = new Date(Math.ceil((Date.now() + 60_000) / 60_000) * 60_000);
    await page.getByLabel(/Publish at/).fill(wallClock(at));
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    await expect(page.getByRole("region", { name: "Publishing" }).getByText(/^Scheduled for /)).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto("/");
    await expect(reader.getByRole("heading", { name: "Daily Analysis" })).toBeVisible();
    await expect(reader.getByRole("link", { name: headline })).toHaveCount(0);

    // Its time comes without waiting for it; the web server's job runner publishes it.
    const [scheduled] = await sql<{ id: string }>(
      "SELECT id::text AS id FROM articles WHERE title = $1 AND status = 'scheduled'",
      [headline],
    );
    await bringScheduledTimeToNow(scheduled!.id);
    await expect(async () => {
      await reader.goto("/");
      await expect(reader.getByRole("link", { name: headline })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await reader.getByRole("link", { name: headline }).click();
    await expect(reader.getByRole("heading", { level: 1, name: headline })).toBeVisible();
    for (const paragraph of beforeCut) await expect(reader.getByText(paragraph)).toBeVisible();
    await expect(reader.getByRole("heading", { name: "Continue reading" })).toBeVisible();
    expect(await reader.content()).not.toContain(afterCut);
    await reader.close();

    const [audit] = await sql<{ count: string }>(
      "SELECT count(*) FROM audit_log WHERE action = 'article.publish' AND subject = $1 AND actor = 'scheduled publishing'",
      [headline],
    );
    expect(audit!.count).toBe("1");
  },
);

test("two editors saving the same draft: the second is told, and chooses whose text stays", async ({
  browser,
}, testInfo) => {
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [first, second] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  for (const [index, context] of contexts.entries()) {
    const person = await startSession(context, uniqueEmail(testInfo, `editor${index}`));
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [person.id]);
  }
  const headline = `Two Editors One Draft ${randomUUID().slice(0, 8)}`;
  await first.goto("/admin/articles/new");
  await first.getByLabel("Headline").fill(headline);
  await expect(first.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  await second.goto(first.url());

  const dek = async () => (await sql<{ dek: string }>("SELECT dek FROM articles WHERE title = $1", [headline]))[0]?.dek;
  await first.getByLabel("Dek").fill("The first editor's dek.");
  await expect.poll(dek, { timeout: 20_000 }).toBe("The first editor's dek.");
  await second.getByLabel("Dek").fill("The second editor's dek.");
  const conflict = second.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(conflict).toContainText("saved this article after you opened it");
  expect(await dek()).toBe("The first editor's dek.");

  await conflict.getByRole("button", { name: "Save my version over it" }).click();
  await expect(second.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  const [after] = await sql<{ dek: string; id: string }>("SELECT dek, id::text AS id FROM articles WHERE title = $1", [
    headline,
  ]);
  expect(after!.dek).toBe("The second editor's dek.");
  // The first editor's text is a revision, still there to restore.
  const revisions = await sql<{ dek: string }>(
    "SELECT dek FROM article_revisions WHERE article_id = $1 ORDER BY number",
    [after!.id],
  );
  expect(revisions.map((revision) => revision.dek)).toEqual([
    "",
    "The first editor's dek.",
    "The second editor's dek.",
  ]);
  for (const context of contexts) await context.close();
});
