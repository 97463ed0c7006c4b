// The article editor by keyboard and as assistive technology reads it: axe
// finds no serious or critical violation on a new and on a saved article, at
// a desktop width and at a phone's (where the Markdown and the preview are
// tabs), Ctrl+S saves, and the page's heading is the headline once saved.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { sql } from "./database";
import { origin } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

const PHONE = { width: 390, height: 844 };

async function signInEditor(context: BrowserContext, label: string) {
  const person = await startSession(context, uniqueEmail(test.info(), label));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [person.id]);
}

/** A draft made over the API, with a preview cut; published when asked. */
async function makeArticle(page: Page, title: string, options: { publish?: boolean } = {}) {
  const headers = { Origin: origin() };
  const created = await page.request.post("/api/admin/articles", {
    headers,
    data: { title, dek: "A dek.", body: "Free paragraph.\n\n<!-- paywall -->\n\nGated paragraph." },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  if (options.publish) {
    expect((await page.request.post(`/api/admin/articles/${id}/publish`, { headers, data: {} })).status()).toBe(200);
  }
  return id;
}

/** The serious and critical violations axe finds, as "rule: target" lines (empty when none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`));
}

test("axe finds no serious violation on the editor, wide and narrow, and the tabs work by keyboard", async ({
  browser,
}) => {
  // Two browsers and several axe scans of the whole editor: on a loaded
  // two-core machine this took over a minute (CI, load average 20).
  test.slow();
  const wide = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await signInEditor(wide, "axe-wide");
  const page = await wide.newPage();
  const id = await makeArticle(page, `Axe Checks the Editor ${randomUUID().slice(0, 8)}`);

  await page.goto("/admin/articles/new");
  await expect(page.getByRole("heading", { level: 1, name: "New article" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`/admin/articles/${id}`);
  const preview = page.getByRole("region", { name: "Live preview" });
  await expect(preview.getByRole("separator")).toContainText("Preview cut");
  // Side by side: no tabs; writing the Markdown, its preview is in view beside it.
  await expect(page.getByRole("tablist")).toHaveCount(0);
  const body = page.getByLabel("Body (Markdown)");
  await body.focus();
  await expect(body).toBeInViewport();
  await expect(preview).toBeInViewport();
  const [bodyBox, previewBox] = [await body.boundingBox(), await preview.boundingBox()];
  expect(previewBox!.x).toBeGreaterThanOrEqual(bodyBox!.x + bodyBox!.width);
  expect(bodyBox!.width).toBeGreaterThan(500);
  expect(await seriousViolations(page)).toEqual([]);
  await wide.close();

  const phone = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await signInEditor(phone, "axe-phone");
  const narrow = await phone.newPage();
  await narrow.goto(`/admin/articles/${id}`);
  const write = narrow.getByRole("tab", { name: "Write" });
  await expect(write).toHaveAttribute("aria-selected", "true");
  await expect(narrow.getByLabel("Body (Markdown)")).toBeVisible();
  await expect(narrow.getByRole("region", { name: "Live preview" })).toBeHidden();
  expect(await seriousViolations(narrow)).toEqual([]);

  // The tabs pattern: arrow keys move between tabs and show their panel.
  await write.focus();
  await narrow.keyboard.press("ArrowRight");
  const previewTab = narrow.getByRole("tab", { name: "Preview" });
  await expect(previewTab).toBeFocused();
  await expect(previewTab).toHaveAttribute("aria-selected", "true");
  await expect(narrow.getByRole("tabpanel", { name: "Preview" })).toBeVisible();
  await expect(narrow.getByRole("region", { name: "Live preview" }).getByRole("separator")).toBeVisible();
  await expect(narrow.getByLabel("Body (Markdown)")).toBeHidden();
  expect(await seriousViolations(narrow)).toEqual([]);
  await narrow.keyboard.press("Home");
  await expect(write).toBeFocused();
  await expect(narrow.getByLabel("Body (Markdown)")).toBeVisible();
  await phone.close();
});

test("Ctrl+S saves a published article, and the heading and title become its new headline", async ({ page }) => {
  await signInEditor(page.context(), "keyboard");
  const headline = `Saved by Keyboard ${randomUUID().slice(0, 8)}`;
  // Published articles are never autosaved: only the shortcut can save this.
  const id = await makeArticle(page, headline, { publish: true });
  await page.goto(`/admin/articles/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${headline}`));

  const renamed = `${headline} Renamed`;
  await page.getByLabel("Headline").fill(renamed);
  const body = page.getByLabel("Body (Markdown)");
  await body.press("Control+End");
  await body.pressSequentially("\n\nA sentence typed and saved by keyboard.");
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes." })).toBeVisible();
  // The heading is the saved headline, not what is being typed.
  await expect(page.getByRole("heading", { level: 1, name: headline, exact: true })).toBeVisible();

  await body.press("Control+s");
  await expect(page.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible();
  await expect(page.getByText("Saved: readers see the new version.")).toBeVisible();
  const [stored] = await sql<{ title: string; body: string; version: number }>(
    "SELECT title, body, version FROM articles WHERE id = $1",
    [id],
  );
  expect(stored).toMatchObject({ title: renamed, version: 2 });
  expect(stored!.body).toContain("A sentence typed and saved by keyboard.");
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${renamed}`));

  // Meta+S (Cmd+S on a Mac) too, from anywhere on the page.
  await page.getByLabel("Dek").fill("A dek saved with Meta+S.");
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Meta+s");
  await expect
    .poll(async () => (await sql<{ dek: string }>("SELECT dek FROM articles WHERE id = $1", [id]))[0]?.dek)
    .toBe("A dek saved with Meta+S.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
});
