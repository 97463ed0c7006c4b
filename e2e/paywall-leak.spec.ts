// The gated part of an article must not reach a browser that may not read
// it, in any form: not an anonymous one, and not a signed-in reader's who has
// no free articles left. Each surface is fetched the way a browser or a
// scraper would, and searched for the words that exist only in the gated part.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  CUT_GATED_SENTENCE,
  FREE_SENTENCE,
  GATED_SENTENCE,
  PREVIEW_SENTENCE,
  freeArticle,
  gatedArticle,
  markerArticle,
  meterArticles,
} from "./fixtures";
import { untilCached } from "./page-cache";
import { me, unlock } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

/** The sentence and its unique last word: a partial leak is still a leak. */
function tracesOf(sentence: string): string[] {
  return [sentence, sentence.split(" ").at(-1)!];
}

type Surface = { name: string; path: string; headers?: Record<string, string> };

function articleSurfaces(slug: string): Surface[] {
  const path = `/articles/${slug}`;
  return [
    { name: "page HTML", path },
    { name: "page HTML with a query string", path: `${path}?utm_source=x&page=2` },
    { name: "RSC payload", path, headers: { RSC: "1" } },
    { name: "RSC prefetch payload", path, headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
    { name: "RSC payload via _rsc", path: `${path}?_rsc=leaktest`, headers: { RSC: "1" } },
  ];
}

// Words from both gated sentences (not their last words, which the page
// would echo as the query): the search finds both articles by them.
const GATED_SEARCH = encodeURIComponent('"nineteen tankers" OR "shelved the levy"');
const searchSurfaces: Surface[] = [
  { name: "search page", path: `/search?q=${GATED_SEARCH}` },
  { name: "search page RSC", path: `/search?q=${GATED_SEARCH}`, headers: { RSC: "1" } },
  { name: "search API", path: `/api/search?q=${GATED_SEARCH}` },
];

const siteSurfaces: Surface[] = [
  ...searchSurfaces,
  { name: "front page", path: "/" },
  { name: "archive", path: "/archive" },
  { name: "topic page", path: "/topics/e2e-energy" },
  { name: "region page", path: "/regions/e2e-strait" },
  { name: "author page", path: "/authors/e2e-correspondent" },
  { name: "feed", path: "/feed.xml" },
  { name: "sitemap", path: "/sitemap.xml" },
  { name: "robots.txt", path: "/robots.txt" },
  { name: "health API", path: "/api/health" },
  { name: "front page RSC", path: "/", headers: { RSC: "1" } },
];

async function fetchText(request: APIRequestContext, surface: Surface): Promise<string> {
  const response = await request.get(surface.path, { headers: surface.headers, maxRedirects: 5 });
  expect(response.status(), `${surface.name} (${surface.path})`).toBeLessThan(400);
  return response.text();
}

for (const [article, sentence] of [
  [gatedArticle, GATED_SENTENCE],
  [markerArticle, CUT_GATED_SENTENCE],
] as const) {
  test.describe(`gated article "${article.slug}", fetched anonymously`, { tag: "@smoke" }, () => {
    for (const surface of [...articleSurfaces(article.slug), ...siteSurfaces]) {
      test(`${surface.name} does not contain the gated text`, async ({ request }) => {
        const text = await fetchText(request, surface);
        for (const trace of tracesOf(sentence)) expect(text).not.toContain(trace);
      });
    }

    test("the page does show the headline and the preview", async ({ request }) => {
      const html = await fetchText(request, { name: "page", path: `/articles/${article.slug}` });
      expect(html).toContain(article.title);
      if (article === gatedArticle) expect(html).toContain(PREVIEW_SENTENCE);
    });

    test("JSON-LD and meta tags describe the article without its text", async ({ page }) => {
      await page.goto(`/articles/${article.slug}`);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
      expect(jsonLd).toMatchObject({
        "@type": "NewsArticle",
        headline: article.title,
        isAccessibleForFree: false,
        hasPart: { "@type": "WebPageElement", isAccessibleForFree: false, cssSelector: ".gated-section" },
      });
      const metaContents = await page
        .locator("meta")
        .evaluateAll((tags) => tags.map((tag) => tag.getAttribute("content") ?? "").join("\n"));
      expect(metaContents).toContain(article.dek);
      for (const trace of tracesOf(sentence)) {
        expect(JSON.stringify(jsonLd)).not.toContain(trace);
        expect(metaContents).not.toContain(trace);
      }
      // Nothing of the gated section is in the document at all.
      await expect(page.locator(".gated-section")).toHaveCount(0);
    });
  });
}

test("the searches among those surfaces do find both gated articles", async ({ request }) => {
  const body = await (await request.get(`/api/search?q=${GATED_SEARCH}`)).json();
  const slugs = body.results.map((result: { slug: string }) => result.slug);
  expect(slugs).toEqual(expect.arrayContaining([gatedArticle.slug, markerArticle.slug]));
});

test.describe("free article, fetched anonymously", () => {
  for (const surface of articleSurfaces(freeArticle.slug).slice(0, 3)) {
    test(`${surface.name} contains the whole text`, async ({ request }) => {
      const text = await fetchText(request, surface);
      for (const trace of tracesOf(FREE_SENTENCE)) expect(text).toContain(trace);
    });
  }

  test("is marked free in its JSON-LD and has no paywall panel", async ({ page }) => {
    await page.goto(`/articles/${freeArticle.slug}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd.isAccessibleForFree).toBe(true);
    expect(jsonLd.hasPart).toBeUndefined();
    await expect(page.getByText(FREE_SENTENCE)).toBeVisible();
    await expect(page.getByRole("complementary", { name: "Continue reading" })).toHaveCount(0);
  });
});

test.describe("signed in with no free articles left", { tag: "@smoke" }, () => {
  const unlockedArticles = meterArticles.slice(0, 3);

  // A reader of this test's own who spent this month's three free articles.
  test.beforeEach(async ({ page }, testInfo) => {
    await startSession(page.context(), uniqueEmail(testInfo));
    for (const article of unlockedArticles) expect((await unlock(page.request, article.slug)).status()).toBe(200);
    expect(await me(page.request)).toMatchObject({ signedIn: true, freeArticles: { used: 3, remaining: 0 } });
  });

  for (const [article, sentence] of [
    [gatedArticle, GATED_SENTENCE],
    [markerArticle, CUT_GATED_SENTENCE],
  ] as const) {
    test(`no surface contains the gated text of "${article.slug}", which they did not unlock`, async ({ page }) => {
      const surfaces: Surface[] = [
        ...articleSurfaces(article.slug),
        ...searchSurfaces,
        { name: "feed", path: "/feed.xml" },
        { name: "reader API", path: "/api/me" },
      ];
      for (const surface of surfaces) {
        const text = await fetchText(page.request, surface);
        for (const trace of tracesOf(sentence)) expect(text, surface.name).not.toContain(trace);
      }
      // The page as the server keeps it for readers of this variant (server/reader-pages.ts).
      await untilCached(async () => {
        const response = await page.request.get(`/articles/${article.slug}`);
        const text = await response.text();
        for (const trace of tracesOf(sentence)) expect(text, "the kept page").not.toContain(trace);
        return response;
      }, "the reader's page is kept");
      // The session worked: the page offers the subscription, not the sign-up.
      await page.goto(`/articles/${article.slug}`);
      await expect(page.getByRole("complementary", { name: "Continue reading" })).toContainText(
        "You have read your 3 free articles this month.",
      );
      await expect(page.locator(".gated-section")).toHaveCount(0);
    });
  }

  test("the page and its RSC payload contain the whole text of the articles they unlocked", async ({ page }) => {
    for (const article of unlockedArticles) {
      for (const surface of articleSurfaces(article.slug).slice(0, 3)) {
        const text = await fetchText(page.request, surface);
        for (const trace of tracesOf(article.gatedSentence)) {
          expect(text, `${article.slug}: ${surface.name}`).toContain(trace);
        }
      }
    }
  });
});
