// The site is server-rendered: with JavaScript off, a reader still reads the
// preview and can use every way on from the paywall panel.
import { expect, test } from "@playwright/test";
import { GATED_SENTENCE, PREVIEW_SENTENCE, freeArticle, gatedArticle } from "./fixtures";
import { uniqueEmail } from "./sign-in";

test.use({ javaScriptEnabled: false });

test("an article's preview and paywall panel work without JavaScript", async ({ page }, testInfo) => {
  await page.goto(`/articles/${gatedArticle.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: gatedArticle.title })).toBeVisible();
  await expect(page.getByText(PREVIEW_SENTENCE)).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  const email = uniqueEmail(testInfo);
  await panel.getByLabel("Email address").fill(email);
  await panel.getByRole("button", { name: "Keep reading" }).click();
  await expect(page).toHaveURL(`/articles/${gatedArticle.slug}#continue`);
  await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
  // The code field is a plain form too: a wrong code comes back with a message.
  const confirm = page.getByRole("complementary", { name: "Keep reading: this article is yours" });
  await confirm.getByLabel("6-digit code").fill("000000");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right.");
  await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
});

test("a free article reads in full without JavaScript", async ({ page }) => {
  await page.goto(`/articles/${freeArticle.slug}`);
  await expect(page.locator(".gated-section")).toContainText("ibexharbor");
});

test("navigation and pagination are plain links", async ({ page }) => {
  await page.goto("/archive");
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
});

// Next.js draws the not-found page of a page's notFound() in the browser;
// reader pages draw it themselves (components/site/page-not-found.tsx).
for (const path of [
  "/articles/no-such-article-anywhere",
  "/authors/nobody-at-all",
  "/topics/no-such-topic",
  "/regions/no-such-region",
  "/newsletters/no-such-newsletter",
]) {
  test(`an address that leads nowhere says so without JavaScript, with 404: ${path}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    expect(response?.headers()["cache-control"]).toBe("private, no-store");
    await expect(page.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "browse the archive" })).toBeVisible();
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
  });
}

// Reader pages are sent without Next.js's client runtime
// (lib/http/page-without-scripts.ts): a phone has nothing to download or run.
test("reader pages ship no scripts; the search page keeps its suggestions", async ({ request }) => {
  for (const path of ["/", `/articles/${gatedArticle.slug}`, `/articles/${freeArticle.slug}`, "/archive"]) {
    const html = await (await request.get(path)).text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(
      scripts.filter((tag) => !tag.includes("application/ld+json")),
      path,
    ).toEqual([]);
    expect(html, path).not.toContain("__next_f");
  }
  expect(await (await request.get("/search?q=budget")).text()).toContain("/_next/static/chunks/");
});
