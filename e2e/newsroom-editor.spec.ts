// The newsroom editor as an editor uses it: writing an article with a preview
// cut, watching the live preview split it, scheduling it a minute ahead, and
// then, as an anonymous reader, finding it on the home page cut where the
// editor cut it. The web server's own job runner publishes it (JOBS=on) when
// the test moves its time to now; the timing itself is tested with pg-boss
// in test/integration/scheduled-publishing.test.ts.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { origin } from "./reader-api";
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
    // Once saved, the page is headed by the article's headline.
    await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
    await expect(page.getByText("37 words · 1 min read")).toBeVisible();

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

test("a draft saves itself: what was typed is there after a reload, without pressing Save", async ({
  page,
}, testInfo) => {
  const editor = await startSession(page.context(), uniqueEmail(testInfo, "autosave"));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  const headline = `The Draft That Saved Itself ${randomUUID().slice(0, 8)}`;
  await page.goto("/admin/articles/new");
  await page.getByLabel("Headline").fill(headline);
  await page.getByRole("switch", { name: "Free to all" }).check();
  await page.getByLabel("Body (Markdown)").fill("First paragraph of a draft.\n\nSecond paragraph of it.");
  await expect(page.getByText("9 words · 1 min read")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);

  // More typing is saved again, on its own.
  await page.getByLabel("Body (Markdown)").press("Control+End");
  await page.getByLabel("Body (Markdown)").pressSequentially("\n\nA third, typed later.");
  await expect(page.getByRole("status").filter({ hasText: /Unsaved changes/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible({ timeout: 20_000 });
  const [stored] = await sql<{ status: string; free: boolean; body: string }>(
    "SELECT status, free, body FROM articles WHERE title = $1",
    [headline],
  );
  expect(stored).toEqual({
    status: "draft",
    free: true,
    body: "First paragraph of a draft.\n\nSecond paragraph of it.\n\nA third, typed later.",
  });
  const [revisions] = await sql<{ notes: string[] }>(
    "SELECT array_agg(note ORDER BY number) AS notes FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.title = $1",
    [headline],
  );
  // Created by the first autosave, then autosaved (how often depends on the typing's pace).
  expect(revisions!.notes[0]).toBe("created");
  expect(revisions!.notes.length).toBeGreaterThan(1);
  expect(new Set(revisions!.notes.slice(1))).toEqual(new Set(["autosaved"]));

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(page.getByLabel("Body (Markdown)")).toHaveValue(/A third, typed later\.$/);
  await expect(page.getByRole("switch", { name: "Free to all" })).toBeChecked();
});

test("two editors saving one article's body: the second is refused, told, and keeps their text to merge", async ({
  browser,
}, testInfo) => {
  // Two browsers and several axe scans of the whole editor: on a loaded
  // two-core machine this took over a minute (CI, load average 20).
  test.slow();
  const contexts = [await browser.newContext(), await browser.newContext()];
  const [first, second] = [await contexts[0]!.newPage(), await contexts[1]!.newPage()];
  for (const [index, context] of contexts.entries()) {
    const person = await startSession(context, uniqueEmail(testInfo, `merger${index}`));
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [person.id]);
  }
  const headline = `Two Editors One Body ${randomUUID().slice(0, 8)}`;
  const created = await first.request.post("/api/admin/articles", {
    headers: { Origin: origin() },
    data: { title: headline, body: "The opening paragraph." },
  });
  const { id } = (await created.json()) as { id: string };
  // Published, so nothing autosaves: each save below is the editor's own.
  expect((await first.request.post(`/api/admin/articles/${id}/publish`, { headers: { Origin: origin() } })).ok()).toBe(
    true,
  );
  await first.goto(`/admin/articles/${id}`);
  await second.goto(`/admin/articles/${id}`);

  const firstText = "The opening paragraph.\n\nThe first editor's new ending.";
  const secondText = "The opening paragraph.\n\nThe second editor's different ending.";
  await first.getByLabel("Body (Markdown)").fill(firstText);
  await second.getByLabel("Body (Markdown)").fill(secondText);
  await first.getByLabel("Body (Markdown)").press("Control+s");
  await expect(first.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();

  await second.getByLabel("Body (Markdown)").press("Control+s");
  const conflict = second.getByRole("alert").filter({ hasText: "Not saved" });
  await expect(conflict).toContainText("saved this article after you opened it, so your changes were not saved");
  const stored = async () => (await sql<{ body: string }>("SELECT body FROM articles WHERE id = $1", [id]))[0]?.body;
  expect(await stored()).toBe(firstText);
  // Nothing the second editor typed is gone: it is still in their editor.
  await expect(second.getByLabel("Body (Markdown)")).toHaveValue(secondText);

  // They look at the saved text beside their own...
  await conflict.getByRole("button", { name: "Show the saved version" }).click();
  await expect(second.getByLabel("Body of the saved version")).toHaveValue(firstText);
  await expect(second.getByLabel("Body (Markdown)")).toHaveValue(secondText);
  // The alert and the other text are as usable with a screen reader as the rest.
  const axe = await new AxeBuilder({ page: second }).analyze();
  expect(
    axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical"),
  ).toEqual([]);
  // ...load it into the editor, their own text staying on the page to copy from...
  await second.getByRole("button", { name: "Load it into the editor" }).click();
  await expect(second.getByLabel("Body (Markdown)")).toHaveValue(firstText);
  await expect(second.getByLabel("Body of your text")).toHaveValue(secondText);
  await expect(conflict).toHaveCount(0);
  // ...and merge: their ending added to the first editor's, saved from the new version.
  const merged = `${firstText}\n\nThe second editor's different ending.`;
  await second.getByLabel("Body (Markdown)").fill(merged);
  await second.getByLabel("Body (Markdown)").press("Control+s");
  await expect(second.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  expect(await stored()).toBe(merged);

  // The first editor, still on the older version, is now the one refused.
  await first.getByLabel("Body (Markdown)").fill(`${firstText} Edited again.`);
  await first.getByRole("button", { name: "Save and update the article" }).click();
  await expect(first.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();
  expect(await stored()).toBe(merged);
  await expect(first.getByLabel("Body (Markdown)")).toHaveValue(`${firstText} Edited again.`);
  for (const context of contexts) await context.close();
});

test("without JavaScript, a save someone else's save overtook gives the editor's text back", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const person = await startSession(context, uniqueEmail(testInfo, "nojs-editor"));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [person.id]);
  const page = await context.newPage();
  const headline = `Saved Without Scripts ${randomUUID().slice(0, 8)}`;
  const created = await page.request.post("/api/admin/articles", {
    headers: { Origin: origin() },
    data: { title: headline, body: "The opening paragraph." },
  });
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();

  // Someone else saves while this editor types.
  const overtaking = await page.request.post(`/api/admin/articles/${id}`, {
    headers: { Origin: origin() },
    data: { title: headline, body: "Someone else's paragraph.", version: 1 },
  });
  expect(overtaking.status()).toBe(200);
  const mine = "My paragraph, with <script>alert('not run')</script> in it & more.";
  await page.getByLabel("Body (Markdown)").fill(mine);
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Not saved: someone else saved first" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("saved this article after you opened it");
  await expect(page.getByLabel("Your body (Markdown)")).toHaveValue(mine);
  await expect(page.getByLabel("Your headline")).toHaveValue(headline);
  const [stored] = await sql<{ body: string }>("SELECT body FROM articles WHERE id = $1", [id]);
  expect(stored!.body).toBe("Someone else's paragraph.");

  await page.getByRole("link", { name: "open the article as it is saved now" }).click();
  await expect(page.getByLabel("Body (Markdown)")).toHaveValue("Someone else's paragraph.");
  await context.close();
});
