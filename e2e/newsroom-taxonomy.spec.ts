// An editor keeps the topics: creates two through the newsroom's pages, then
// merges one into the other, and readers find the article under the kept one.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { CUT_COLUMNS, cutValues, storedCut } from "../lib/articles/stored-cut";
import { sql } from "./database";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

test("an editor creates two topics and merges one into the other", async ({ page }, testInfo) => {
  test.slow();
  const editor = await startSession(page.context(), uniqueEmail(testInfo, "editor"));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  const word = randomUUID().slice(0, 6);
  const [oldName, keptName] = [`Harbour Law ${word}`, `Maritime Law ${word}`];

  await test.step("creates a topic; the slug is made from the name", async () => {
    await page.goto("/admin/topics");
    const form = page.getByRole("region", { name: "New topic" });
    await form.getByLabel("Name").fill(oldName);
    await form.getByLabel("Description").fill("Ports, pilots and the law of the harbour.");
    await form.getByRole("button", { name: "Create topic" }).click();
    await expect(page.locator(".newsroom-main").getByRole("status")).toContainText("The topic is created.");
    await expect(page.getByRole("row", { name: new RegExp(oldName) })).toContainText(`/topics/harbour-law-${word}`);
  });

  await test.step("a second topic with a taken slug is refused next to the slug, with what was typed kept", async () => {
    const form = page.getByRole("region", { name: "New topic" });
    await form.getByLabel("Name").fill(keptName);
    await form.getByLabel("Slug").fill(`harbour-law-${word}`);
    await form.getByRole("button", { name: "Create topic" }).click();
    await expect(page.locator(".newsroom-main").getByRole("alert")).toContainText("see the slug below");
    await expect(form.getByLabel("Slug")).toHaveAccessibleDescription(/Another topic already has this slug/);
    await expect(form.getByLabel("Name")).toHaveValue(keptName);
    await form.getByLabel("Slug").fill(`maritime-law-${word}`);
    await form.getByRole("button", { name: "Create topic" }).click();
    await expect(page.locator(".newsroom-main").getByRole("status")).toContainText("The topic is created.");
  });

  // An article on the first topic, published long ago so that it stays out of other tests' listings.
  const slug = `e2e-merge-${word}`;
  await sql(
    `WITH article AS (
       INSERT INTO articles (slug, title, body, status, published_at, ${CUT_COLUMNS})
       VALUES ($1, $2, 'A body.', 'published', '2001-01-01', $4, $5, $6, $7, $8) RETURNING id)
     INSERT INTO article_tags (article_id, tag_id) SELECT article.id, tags.id FROM article, tags WHERE tags.type = 'topic' AND tags.slug = $3`,
    [slug, `Pilots Strike at the Harbour ${word}`, `harbour-law-${word}`, ...cutValues(storedCut("A body."))],
  );

  await test.step("merges the first into the second", async () => {
    await page.goto("/admin/topics");
    await expect(
      page
        .getByRole("row", { name: new RegExp(oldName) })
        .getByRole("cell")
        .last(),
    ).toHaveText("1");
    await page.locator(".newsroom-main").getByRole("link", { name: oldName }).click();
    await expect(page.getByRole("heading", { name: oldName, level: 1 })).toBeVisible();
    await page.getByLabel("Merge into").selectOption({ label: `${keptName} (0)` });
    await page.getByRole("button", { name: "Merge" }).click();
    await expect(page.getByRole("heading", { name: keptName, level: 1 })).toBeVisible();
    await expect(page.locator(".newsroom-main").getByRole("status")).toContainText("Merged");
    await expect(page.getByText("On 1 article.")).toBeVisible();
  });

  await test.step("readers find the article under the kept topic; the merged one is gone", async () => {
    await page.goto(`/topics/maritime-law-${word}`);
    await expect(page.getByRole("link", { name: `Pilots Strike at the Harbour ${word}` })).toBeVisible();
    const gone = await page.goto(`/topics/harbour-law-${word}`);
    expect(gone?.status()).toBe(404);
    await page.goto("/admin/topics");
    await expect(page.getByRole("row", { name: new RegExp(oldName) })).toHaveCount(0);
  });
});
