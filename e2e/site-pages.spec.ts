// The site's pages as an anonymous reader meets them, including bad addresses.
import { expect, test } from "@playwright/test";
import { gatedArticle } from "./fixtures";

test(
  "the front page lists daily analysis and in-depth reports with navigation",
  { tag: "@smoke" },
  async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Daily Analysis" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "In-Depth Reports" })).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Archive" }),
    ).toBeVisible();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "E2E Energy" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "E2E Energy" })).toBeVisible();
    await expect(page.getByRole("link", { name: gatedArticle.title })).toBeVisible();
  },
);

test("pages load nothing from other sites, and the self-hosted fonts are used", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(baseURL!)) foreign.push(request.url());
  });
  await page.goto(`/articles/${gatedArticle.slug}`);
  await page.waitForLoadState("networkidle");
  expect(foreign).toEqual([]);
  const loadedFamilies = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family);
  });
  expect(loadedFamilies.join(",")).toContain("Source Serif 4");
});

test("the archive is newest first and paginated", async ({ page }) => {
  await page.goto("/archive");
  const dates = await page
    .locator(".article-card time")
    .evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute("datetime") ?? "")));
  expect(dates.length).toBe(20);
  expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/\/archive\?page=2$/);
  await expect(page.getByText(/^Page 2 of \d+$/)).toBeVisible();
});

test("an author page shows the author's articles", async ({ page }) => {
  await page.goto(`/articles/${gatedArticle.slug}`);
  await page.getByRole("link", { name: "Imogen Test" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imogen Test" })).toBeVisible();
  await expect(page.getByRole("link", { name: gatedArticle.title })).toBeVisible();
});

test("an unknown article gets the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/articles/no-such-article-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

for (const path of [
  "/archive?page=-1",
  "/archive?page=abc",
  "/archive?page=1&page=2",
  `/archive?page=${"9".repeat(10_000)}`,
  `/articles/${"x".repeat(10_000)}`,
  "/articles/%E0%A4%A",
  "/topics/does-not-exist",
  "/regions/does-not-exist?page=-5",
  "/authors/nobody",
  "/archive?page=999999",
  "/archive?page=%E0%A4%A",
  "/articles/%00",
  "/topics/%27%20OR%201%3D1--",
  "/%E0%A4%A",
]) {
  test(`bad input never fails the server: ${path.slice(0, 60)}`, async ({ request }) => {
    const response = await request.get(path);
    expect([200, 400, 404]).toContain(response.status());
    expect(await response.text()).not.toMatch(/at \w+ \(|Internal Server Error/);
  });
}

test("a forged server-action post to a page is refused, not a server error", async ({ request }) => {
  const response = await request.post(`/articles/${gatedArticle.slug}`, {
    headers: { "Next-Action": "0123456789abcdef", "Content-Type": "text/plain" },
    data: "[]",
  });
  expect(response.status()).toBeLessThan(500);
});

test("health reports the database", { tag: "@smoke" }, async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.kind).toBe(process.env.FOLIO_DATABASE_KIND);
  expect(body.database.ok).toBe(true);
});

test("feed, sitemap and robots.txt are served", async ({ request }) => {
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect(await feed.text()).toContain(gatedArticle.title);
  const sitemap = await request.get("/sitemap.xml");
  expect(await sitemap.text()).toContain(`/articles/${gatedArticle.slug}</loc>`);
  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
});
