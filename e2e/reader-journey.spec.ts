// An anonymous reader opens a gated article, reads the preview and follows
// each of the paywall panel's three ways on.
import { expect, test } from "@playwright/test";
import { GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle } from "./fixtures";
import { uniqueEmail } from "./sign-in";

test.beforeEach(async ({ page }) => {
  await page.goto(`/articles/${gatedArticle.slug}`);
});

test("sees the headline, byline, tags, preview and the paywall panel", { tag: "@smoke" }, async ({ page }) => {
  await expect(page.getByRole("heading", { level: 1, name: gatedArticle.title })).toBeVisible();
  await expect(page.getByText(gatedArticle.dek).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Imogen Test" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Topics and regions" }).getByRole("link", { name: "E2E Energy" }),
  ).toBeVisible();
  await expect(page.getByText(PREVIEW_SENTENCE)).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Keep reading for free!" })).toBeVisible();
  await expect(panel).toContainText(
    "Get instant access to the rest of this article by submitting your email address below. You'll also get access to 3 articles of your choice each month and our free newsletter.",
  );
  await expect(panel.getByRole("heading", { name: "Or, subscribe now to get full access" })).toBeVisible();
  await expect(panel.getByRole("listitem")).toHaveText([
    "The full searchable library of tens of thousands of articles",
    "Daily articles with original analysis every weekday",
    "In-depth reports",
    "The Daily Review and the Weekly Review emails",
    "An ad-free reading experience",
  ]);
  await expect(panel.getByRole("link", { name: "Subscribe" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Log in here" })).toBeVisible();
  // One offer, not two: no house All-Access box under the panel.
  await expect(page.locator(".house-promotion")).toHaveCount(0);
});

test("keep reading for free: the email form opens the rest and sends a code", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo);
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await expect(panel.getByRole("checkbox", { name: "Don't send me the free newsletter" })).not.toBeChecked();
  await panel.getByLabel("Email address").fill(email);
  await panel.getByRole("button", { name: "Keep reading" }).click();
  await expect(page).toHaveURL(`/articles/${gatedArticle.slug}#continue`);
  await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
  await expect(page.getByRole("complementary", { name: "Keep reading: this article is yours" })).toContainText(
    `enter the code we sent to ${email}`,
  );
});

test("subscribe leads to the All-Access offer", async ({ page }) => {
  await page.getByRole("complementary", { name: "Continue reading" }).getByRole("link", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/subscribe\?from=/);
  await expect(page.getByRole("heading", { level: 1, name: /Subscribe to/ })).toBeVisible();
  await expect(page.getByText("The full searchable library")).toBeVisible();
});

test("log in leads to sign-in", async ({ page }) => {
  await page
    .getByRole("complementary", { name: "Continue reading" })
    .getByRole("link", { name: "Log in here" })
    .click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in with your email address" })).toBeVisible();
});

test("the article ends with three related articles, none of them itself", async ({ page }) => {
  const related = page.getByRole("region", { name: "Related reading" });
  // After the preview and the paywall panel, at the very end of the article.
  await expect(page.locator("article.article > :last-child")).toHaveClass(/related-articles/);
  const links = related.getByRole("heading", { level: 3 }).getByRole("link");
  await expect(links).toHaveCount(3);
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^\/articles\/[^/]+$/);
    expect(href).not.toBe(`/articles/${gatedArticle.slug}`);
  }
  await expect(related).not.toContainText(GATED_SENTENCE);
});

test("the page fits the screen without sideways scrolling", async ({ page }) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
