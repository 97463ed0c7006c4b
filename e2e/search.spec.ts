// Searching the library as a reader does: the box in the header, the
// suggestions of the search page's box, the results page with filters, and
// the JSON API, including what a reader without access may see of an
// article found by a word in its gated part.
import { expect, test, type Page } from "@playwright/test";
import { SEARCH_GATED_SENTENCE, SEARCH_GATED_WORD, SEARCH_WORD, searchArticles, searchGatedArticle } from "./fixtures";
import { unlock } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

const siteSearch = (page: Page) => page.getByRole("search", { name: "Site search" });
const pageSearch = (page: Page) => page.getByRole("search", { name: "Search the library" });
const results = (page: Page) => page.locator(".search-result");
// Next.js has a route announcer with the role alert of its own.
const notice = (page: Page) => page.locator("p[role=alert]");

test("a reader searches, filters by region and opens a result", { tag: "@smoke" }, async ({ page }, testInfo) => {
  await startSession(page.context(), uniqueEmail(testInfo));
  await page.goto("/");
  // The header's box is a plain field (no client code on every page); Enter searches.
  await siteSearch(page).getByRole("searchbox", { name: "Search the library" }).fill(SEARCH_WORD);
  await siteSearch(page).getByRole("searchbox").press("Enter");

  await expect(page).toHaveURL(`/search?q=${SEARCH_WORD}`);
  await expect(page.getByRole("heading", { name: `2 articles found for “${SEARCH_WORD}”` })).toBeVisible();
  await expect(results(page).getByRole("link", { name: searchArticles.strait.title })).toBeVisible();
  await expect(results(page).getByRole("link", { name: searchArticles.isthmus.title })).toBeVisible();
  await expect(results(page).locator("mark").first()).toHaveText(/brindlewick/i);

  await pageSearch(page).getByLabel("Region").selectOption({ label: "E2E Isthmus" });
  await pageSearch(page).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/region=e2e-isthmus/);
  await expect(page.getByRole("heading", { name: `1 article found for “${SEARCH_WORD}”` })).toBeVisible();
  await expect(results(page)).toHaveCount(1);
  await expect(pageSearch(page).getByLabel("Region")).toHaveValue("e2e-isthmus");

  await results(page).getByRole("link", { name: searchArticles.isthmus.title }).click();
  await expect(page).toHaveURL(`/articles/${searchArticles.isthmus.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: searchArticles.isthmus.title })).toBeVisible();
});

test("a suggestion on the search page opens its article from the keyboard", async ({ page }) => {
  await page.goto("/search");
  // The filters' selects are comboboxes with options too.
  const box = pageSearch(page).getByRole("combobox", { name: "Search the library" });
  const suggestions = pageSearch(page).getByRole("listbox", { name: "Suggested articles" });
  await box.pressSequentially("brindlewick can", { delay: 20 });
  const option = suggestions.getByRole("option", { name: searchArticles.isthmus.title });
  await expect(option).toBeVisible();
  await expect(suggestions.getByRole("option")).toHaveCount(1);
  await box.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(`/articles/${searchArticles.isthmus.slug}`);
});

test("a word only in the gated part finds the article, and shows the text only to a reader who may read it", async ({
  page,
  request,
}, testInfo) => {
  // Without a cookie the page is everyone's: public, and kept whole by the page cache.
  const response = await page.goto(`/search?q=${SEARCH_GATED_WORD}`);
  expect(response?.headers()["cache-control"]).toContain("public");
  await expect(results(page).getByRole("link", { name: searchGatedArticle.title })).toBeVisible();
  await expect(results(page)).toContainText("(from the free preview)");
  await expect(results(page)).not.toContainText(SEARCH_GATED_WORD);
  expect(await page.content()).not.toContain(SEARCH_GATED_SENTENCE.slice(0, 30));

  await startSession(page.context(), uniqueEmail(testInfo));
  expect((await unlock(page.request, searchGatedArticle.slug)).status()).toBe(200);
  // With the session the page is this reader's own: never the anonymous copy, never kept.
  const signedIn = await page.reload();
  expect(signedIn?.headers()["cache-control"]).toBe("private, no-store");
  expect(signedIn?.headers()["x-folio-page-cache"]).toBeUndefined();
  await expect(results(page).locator("mark", { hasText: SEARCH_GATED_WORD })).toBeVisible();
  await expect(results(page)).toContainText(SEARCH_GATED_SENTENCE.slice(0, 30));

  // And an anonymous reader (no cookie) still gets the copy with the preview only.
  const anonymous = await request.get(`/search?q=${SEARCH_GATED_WORD}`);
  expect(anonymous.headers()["cache-control"]).toContain("public");
  expect(await anonymous.text()).not.toContain(SEARCH_GATED_SENTENCE.slice(0, 30));
});

test("an empty query shows how to search", async ({ page }) => {
  for (const path of ["/search", "/search?q=%20%20%20"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "How to search" })).toBeVisible();
  }
});

test("a query that cannot be answered gets a message on the page, not an error", async ({ page }) => {
  for (const [query, message] of [
    ["x".repeat(1000), "at most 256 characters"],
    ["the of and", "nothing to search for"],
    ["-brindlewick", "Add a word to search for"],
  ] as const) {
    const response = await page.goto(`/search?q=${encodeURIComponent(query)}`);
    expect(response?.status()).toBe(200);
    await expect(notice(page)).toContainText(message);
  }
  await page.goto("/search?q=brindlewick&region=nowhere");
  await expect(notice(page)).toContainText('There is no region "nowhere".');
  await page.goto("/search?q=brindlewick&from=2026-03-02&to=2026-03-01");
  await expect(notice(page)).toHaveText("The start date must be before the end date.");
  await page.goto("/search?q=brindlewick&from=2026-02-30");
  await expect(notice(page)).toHaveText("The start date is not a real calendar date.");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the header's search box and the filters are a plain form", async ({ page }) => {
    await page.goto("/");
    await siteSearch(page).getByRole("searchbox").fill(SEARCH_WORD);
    await siteSearch(page).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(`/search?q=${SEARCH_WORD}`);
    await expect(results(page)).toHaveCount(2);
    await pageSearch(page).getByLabel("Sort by").selectOption("date");
    await pageSearch(page).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/sort=date/);
    await expect(results(page).first()).toContainText(searchArticles.strait.title);
  });
});

test.describe("GET /api/search", () => {
  test("answers JSON with the count, the page and highlighted results, public for anonymous readers only", async ({
    request,
  }) => {
    const response = await request.get(`/api/search?q=${SEARCH_WORD}&region=e2e-strait`);
    expect(response.status()).toBe(200);
    // Without a cookie it searches for no one; a signed-in reader's answer is
    // private (e2e/cache-safety.spec.ts).
    expect(response.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(response.headers()["vary"]).toMatch(/\bCookie\b/i);
    const body = await response.json();
    expect(body).toMatchObject({
      query: SEARCH_WORD,
      filters: { region: "e2e-strait" },
      page: 1,
      pageCount: 1,
      total: 1,
    });
    expect(body.results).toEqual([
      expect.objectContaining({
        slug: searchArticles.strait.slug,
        url: `/articles/${searchArticles.strait.slug}`,
        access: "preview",
        highlights: expect.objectContaining({ title: "<mark>Brindlewick</mark> Tolls Rise Again in the Strait" }),
      }),
    ]);
  });

  test("never shows an anonymous reader the gated text it matched", async ({ request }) => {
    const body = await (await request.get(`/api/search?q=${SEARCH_GATED_WORD}`)).json();
    expect(body.results.map((result: { slug: string }) => result.slug)).toEqual([searchGatedArticle.slug]);
    expect(JSON.stringify(body.results)).not.toContain(SEARCH_GATED_WORD);
  });

  for (const [query, error] of [
    ["", "missing_query"],
    ["q=%20", "missing_query"],
    [`q=${"a".repeat(1000)}`, "query_too_long"],
    ["q=the", "no_search_terms"],
    ["q=-energy", "only_excluded_words"],
    ["q=energy&page=0", "invalid_parameter"],
    ["q=energy&page=abc", "invalid_parameter"],
    [`q=energy&page=${"9".repeat(5000)}`, "invalid_parameter"],
    ["q=energy&region=nowhere", "invalid_parameter"],
    ["q=energy&from=2026-13-01", "invalid_parameter"],
    ["q=energy&kind=%00", "invalid_parameter"],
  ] as const) {
    test(`refuses ${query.slice(0, 40) || "no query"} with 400 ${error}`, async ({ request }) => {
      const response = await request.get(`/api/search?${query}`);
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error).toBe(error);
      expect(body.message).toEqual(expect.any(String));
    });
  }

  for (const query of [
    '"""""',
    "OR OR OR AND NOT",
    "((((energy",
    "energy & | ! <-> :* \\ ' %",
    "%00%01energy",
    "%E0%A4%A",
    `${"-".repeat(300)}`,
    `"${"energy ".repeat(36)}"`,
  ]) {
    test(`answers or refuses ${query.slice(0, 30)} without a server error`, async ({ request }) => {
      const response = await request.get(`/api/search?q=${query.includes("%") ? query : encodeURIComponent(query)}`);
      expect([200, 400]).toContain(response.status());
      expect(await response.json()).toEqual(expect.any(Object));
    });
  }
});

test("GET /api/search/suggest suggests headlines for a prefix", async ({ request }) => {
  const response = await request.get("/api/search/suggest?q=brindlew");
  expect(response.status()).toBe(200);
  const titles = (await response.json()).suggestions.map((suggestion: { title: string }) => suggestion.title);
  expect(new Set(titles)).toEqual(new Set([searchArticles.strait.title, searchArticles.isthmus.title]));
  expect((await (await request.get("/api/search/suggest?q=")).json()).suggestions).toEqual([]);
  expect((await request.get(`/api/search/suggest?q=${"a".repeat(1000)}`)).status()).toBe(400);
});
