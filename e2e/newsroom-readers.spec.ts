// An admin on /admin/readers: finds a reader, grants complimentary
// All-Access until a date, and the reader (in a browser of their own) reads
// a gated article whole; revoked, the reader sees the preview again. And
// the readers exported as CSV.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "./database";
import { dayFromNow } from "./day-from-now";
import { CUT_GATED_SENTENCE, markerArticle } from "./fixtures";
import { me } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

const paywall = (page: Page) => page.getByRole("complementary", { name: "Continue reading" });

async function expectPreview(page: Page): Promise<void> {
  await page.goto(`/articles/${markerArticle.slug}`);
  await expect(paywall(page)).toBeVisible();
  await expect(page.locator(".gated-section")).toHaveCount(0);
  await expect(page.getByText(CUT_GATED_SENTENCE)).toHaveCount(0);
}

async function expectWhole(page: Page): Promise<void> {
  await page.goto(`/articles/${markerArticle.slug}`);
  await expect(page.locator(".gated-section")).toContainText(CUT_GATED_SENTENCE);
  await expect(paywall(page)).toHaveCount(0);
}

test("an admin comps a reader until a date: the reader reads a gated article whole; revoked, the preview again", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const admin = await startSession(page.context(), uniqueEmail(testInfo, "admin"));
  await sql("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  const readerContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const readerPage = await readerContext.newPage();
  const reader = await startSession(readerContext, uniqueEmail(testInfo, "comped"));
  const lastDay = dayFromNow(14);

  await test.step("the reader starts on the preview", async () => {
    await expectPreview(readerPage);
  });

  await test.step("the admin finds the reader by part of the address", async () => {
    await page.goto("/admin/readers");
    await expect(page.getByRole("heading", { name: "Readers", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Readers at a glance")).toContainText("Registered readers");
    const part = reader.email.split("@")[0]!.slice(-14);
    await page.getByLabel("Email address contains").fill(part.toUpperCase());
    await page.getByRole("button", { name: "Find" }).click();
    await expect(page).toHaveURL(/\/admin\/readers\?q=/);
    const row = page.getByRole("row", { name: new RegExp(reader.email) });
    await expect(row).toContainText("Free tier");
    await row.getByRole("link", { name: reader.email }).click();
    await expect(page.getByRole("heading", { name: reader.email, level: 1 })).toBeVisible();
  });

  const shownLastDay = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${lastDay}T12:00:00Z`));

  await test.step("a day in the past is refused, and nothing changes", async () => {
    await page.getByLabel("Grant until the end of").fill(dayFromNow(-2));
    // The browser's own check would stop the form first; the server must refuse it too.
    await page.locator("#comp-until").evaluate((input) => input.removeAttribute("min"));
    await page.getByRole("button", { name: "Grant comp access" }).click();
    await expect(page.locator(".newsroom-main").getByRole("alert")).toContainText("today or later");
    await expectPreview(readerPage);
  });

  await test.step("the admin grants comp access until a date", async () => {
    await page.getByLabel("Grant until the end of").fill(lastDay);
    await page.getByRole("button", { name: "Grant comp access" }).click();
    await expect(page.locator(".newsroom-main").getByRole("status")).toContainText(
      "Complimentary All-Access is granted.",
    );
    const comp = page.getByRole("region", { name: "Complimentary All-Access" });
    await expect(comp).toContainText(`Reads everything until the end of ${shownLastDay}`);
    await expect(page.getByRole("region", { name: "Plan" })).toContainText("Complimentary All-Access");
  });

  await test.step("the reader reads the gated article whole, and the account page says why", async () => {
    await expectWhole(readerPage);
    const until = new Date(new Date(`${lastDay}T00:00:00Z`).getTime() + 86_400_000).toISOString();
    expect(await me(readerPage.request)).toMatchObject({ signedIn: true, plan: "all-access", compUntil: until });
    await readerPage.goto("/account");
    // The same last day the newsroom shows, not the midnight after it.
    await expect(readerPage.getByRole("region", { name: "Plan" })).toContainText(
      `Complimentary All-Access from the publisher until the end of ${shownLastDay}: you read everything.`,
    );
  });

  await test.step("the admin revokes it, and the reader is back on the preview", async () => {
    await page.getByRole("button", { name: "Revoke comp access" }).click();
    await expect(page.locator(".newsroom-main").getByRole("status")).toContainText(
      "Complimentary All-Access is revoked",
    );
    await expect(page.getByRole("region", { name: "Complimentary All-Access" })).toContainText("None.");
    await expectPreview(readerPage);
    expect(await me(readerPage.request)).toMatchObject({ plan: "free", compUntil: null });
  });

  await test.step("both are in the audit log", async () => {
    await page.goto("/admin/audit");
    await expect(page.getByRole("row", { name: new RegExp(`granted comp access to ${reader.email}`) })).toContainText(
      admin.email,
    );
    await expect(page.getByRole("row", { name: new RegExp(`revoked comp access of ${reader.email}`) })).toContainText(
      admin.email,
    );
  });
  await readerContext.close();
});

test("an admin exports the readers as CSV: named cells cannot run as formulas, and the export is logged", async ({
  page,
  browser,
}, testInfo) => {
  const admin = await startSession(page.context(), uniqueEmail(testInfo, "exporter"));
  await sql("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  const reader = await startSession(await browser.newContext(), uniqueEmail(testInfo, "formula"));
  await sql("UPDATE users SET name = '=HYPERLINK(\"http://evil.example\")' WHERE id = $1", [reader.id]);

  await page.goto("/admin/readers");
  const form = page.getByRole("region", { name: "Export readers as CSV" });
  await form.getByLabel("Plan").selectOption("free");
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel("Signed up from").fill(today);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: "Export readers as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^folio-readers-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe("email,name,signed up,plan,subscription status,comp until,newsletters,role");
  const row = lines.find((line) => line.startsWith(`${reader.email},`));
  // The apostrophe makes a spreadsheet show the name as text.
  expect(row).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  expect(row).toContain(",free,");

  await page.goto("/admin/audit");
  await expect(page.getByRole("row", { name: new RegExp(`${admin.email}.*exported readers`) })).toBeVisible();

  const editorContext = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const editor = await startSession(editorContext, uniqueEmail(testInfo, "editor-export"));
  await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
  expect((await editorContext.request.get("/admin/readers/export?plan=all")).status()).toBe(403);
  expect((await page.request.get("/admin/readers/export?plan=everyone")).status()).toBe(400);
  await editorContext.close();
});
