// Comparing two revisions of an article, as an editor without JavaScript:
// chosen on the revisions page (a GET form), shown word by word and side by
// side with the removed sentence in <del> and the added one in <ins> (each
// announced to screen readers), then the older one restored. Nonsense in the
// comparison's address gets a page that says so, never a server error.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { origin } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

const KEPT = "The harbour board met on Tuesday.";
// Sentences with no word in common, so that each is one run (the full stop after them is kept).
const REMOVED = "Dredging was postponed again";
const ADDED = "A new contract for deeper berths won six votes to two";

test("an editor compares two revisions word by word and side by side, then restores the older", async ({ browser }) => {
  // No JavaScript: the chooser, the comparison and the restore are plain forms.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const editor = await startSession(context, uniqueEmail(test.info(), "revisions"));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  const api = context.request;
  const json = (data: Record<string, unknown>) => ({ data, headers: { Origin: origin() } });
  const title = `Harbour Dredging ${randomUUID().slice(0, 8)}`;
  const first = `${KEPT} ${REMOVED}.\n\nThe port expects larger ships next year.`;
  const second = `${KEPT} ${ADDED}.\n\nThe port expects larger ships next year.`;
  const created = await api.post("/api/admin/articles", json({ title, dek: "Revisions compared.", body: first }));
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const saved = await api.post(
    `/api/admin/articles/${id}`,
    json({ title, dek: "Revisions compared.", body: second, version: 1 }),
  );
  expect(saved.status()).toBe(200);

  const page = await context.newPage();
  await page.goto(`/admin/articles/${id}/revisions`);
  // The latest change is chosen already: revision 1 to revision 2.
  await expect(page.getByRole("radio", { name: "Compare from revision 1" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Compare to revision 2" })).toBeChecked();
  await page.getByRole("button", { name: "Compare the chosen revisions" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}/revisions/compare\\?`));
  const asked = new URL(page.url()).searchParams;
  expect([asked.get("from"), asked.get("to")]).toEqual(["1", "2"]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

  const removed = page.locator("del.diff-removed", { hasText: REMOVED });
  const added = page.locator("ins.diff-added", { hasText: ADDED });
  await expect(removed).toHaveCount(1);
  await expect(added).toHaveCount(1);
  // What a screen reader reads, not only a colour: the marks say what they are.
  expect(await removed.textContent()).toBe(`[removed: ${REMOVED}]`);
  expect(await added.textContent()).toBe(`[added: ${ADDED}]`);
  await expect(page.locator("del.diff-removed, ins.diff-added")).toHaveCount(2);
  await expect(page.locator(".diff-text")).toContainText(`${KEPT} `);
  await expect(page.getByTestId("diff-summary")).toContainText("words added");

  // Side by side: the earlier revision with its removal, the later with its addition.
  await page.getByRole("radio", { name: "Side by side" }).check();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(/view=side/);
  const earlier = page.getByRole("region", { name: "Body of revision 1", exact: true });
  const later = page.getByRole("region", { name: "Body of revision 2", exact: true });
  await expect(earlier.locator("del", { hasText: REMOVED })).toBeVisible();
  await expect(earlier.locator("ins")).toHaveCount(0);
  await expect(later.locator("ins", { hasText: ADDED })).toBeVisible();
  await expect(later.locator("del")).toHaveCount(0);

  // Restore the earlier one: a new revision, with the first body again.
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  await page.waitForURL(new RegExp(`/admin/articles/${id}\\?notice=restored`));
  const [article] = await sql<{ body: string; version: number }>("SELECT body, version FROM articles WHERE id = $1", [
    id,
  ]);
  expect(article).toEqual({ body: first, version: 3 });
  await page.goto(`/admin/articles/${id}/revisions/compare?from=2&to=3`);
  await expect(page.locator("del.diff-removed", { hasText: ADDED })).toHaveCount(1);
  await expect(page.locator("ins.diff-added", { hasText: REMOVED })).toHaveCount(1);

  // Nonsense in the address: a page that says so, never a server error.
  for (const query of [
    "from=abc&to=2",
    "from=1&from=2&to=3",
    "from=-1&to=0",
    "from=%00&to=1e3",
    "from=99999999999&to=1",
  ]) {
    const response = await page.goto(`/admin/articles/${id}/revisions/compare?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByText("Choose two revisions to compare"), query).toBeVisible();
  }
  const missing = await page.goto(`/admin/articles/${id}/revisions/compare?from=1&to=99`);
  expect(missing?.status()).toBe(200);
  await expect(page.getByRole("alert")).toContainText("no revision 99");
  for (const path of [
    `/admin/articles/not-a-uuid/revisions/compare?from=1&to=2`,
    `/admin/articles/${randomUUID()}/revisions/compare`,
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await context.close();
});
