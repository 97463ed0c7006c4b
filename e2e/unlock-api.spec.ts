// POST /api/articles/{slug}/unlock and GET /api/me over real HTTP: the status
// codes, and the meter under parallel requests. Each test has a reader of its
// own (a session made directly, see sessions.ts), so meters never collide.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freeArticle, gatedArticle, meterArticles, raceArticles } from "./fixtures";
import { nextMeterReset } from "./meter-reset";
import { me, unlock } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";

const resetsAt = () => nextMeterReset().toISOString();

async function expectUnlocked(request: APIRequestContext, slug: string, remaining: number) {
  const response = await unlock(request, slug);
  expect(response.status(), slug).toBe(200);
  expect(await response.json()).toEqual({ unlocked: true, remaining, resetsAt: resetsAt() });
}

test("anonymous: 401 not_signed_in, and /api/me says signed out", async ({ request }) => {
  const response = await unlock(request, gatedArticle.slug);
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: "not_signed_in" });
  expect(await me(request)).toEqual({ signedIn: false });
});

test("signed in: 200 with what is left, the same when unlocked or free, 404 unknown, 402 none left", async ({
  page,
}, testInfo) => {
  const reader = await startSession(page.context(), uniqueEmail(testInfo));
  const api = page.request;
  const [first, second, third, fourth] = meterArticles;
  expect(await me(api)).toEqual({
    signedIn: true,
    email: reader.email,
    plan: "free",
    compUntil: null,
    organisations: [],
    freeArticles: { used: 0, limit: 3, remaining: 3, resetsAt: resetsAt() },
  });

  await expectUnlocked(api, first.slug, 2);
  await expectUnlocked(api, first.slug, 2);
  await expectUnlocked(api, freeArticle.slug, 2);

  const unknown = await unlock(api, "e2e-no-such-article");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: "not_found" });

  await expectUnlocked(api, second.slug, 1);
  await expectUnlocked(api, third.slug, 0);

  const exhausted = await unlock(api, fourth.slug);
  expect(exhausted.status()).toBe(402);
  expect(await exhausted.json()).toMatchObject({ error: "quota_exhausted", resetsAt: resetsAt() });
  // An article unlocked earlier stays unlocked with none left.
  await expectUnlocked(api, first.slug, 0);

  expect(await me(api)).toEqual({
    signedIn: true,
    email: reader.email,
    plan: "free",
    compUntil: null,
    organisations: [],
    freeArticles: { used: 3, limit: 3, remaining: 0, resetsAt: resetsAt() },
  });
});

test("cross-site requests are refused with 403 and spend nothing", async ({ page, request }, testInfo) => {
  await startSession(page.context(), uniqueEmail(testInfo));
  const slug = meterArticles[0].slug;
  const fromEvil = await unlock(page.request, slug, { Origin: "https://evil.example" });
  expect(fromEvil.status()).toBe(403);
  const crossSite = await page.request.post(`/api/articles/${slug}/unlock`, {
    headers: { "Sec-Fetch-Site": "cross-site" },
  });
  expect(crossSite.status()).toBe(403);
  // Refused before anything else is looked at, signed in or not.
  expect((await unlock(request, slug, { Origin: "https://evil.example" })).status()).toBe(403);
  expect(await me(page.request)).toMatchObject({ signedIn: true, freeArticles: { used: 0, remaining: 3 } });
});

test("ten parallel unlocks of ten different articles with one free article left: exactly one succeeds", async ({
  page,
}, testInfo) => {
  await startSession(page.context(), uniqueEmail(testInfo));
  const api = page.request;
  await expectUnlocked(api, meterArticles[0].slug, 2);
  await expectUnlocked(api, meterArticles[1].slug, 1);

  const responses = await Promise.all(raceArticles.map((article) => unlock(api, article.slug)));
  const outcomes = await Promise.all(
    responses.map(async (response, index) => ({
      article: raceArticles[index]!,
      status: response.status(),
      body: await response.json(),
    })),
  );
  const won = outcomes.filter((outcome) => outcome.status === 200);
  const refused = outcomes.filter((outcome) => outcome.status === 402);
  expect(won, JSON.stringify(outcomes)).toHaveLength(1);
  expect(refused, JSON.stringify(outcomes)).toHaveLength(9);
  expect(won[0]!.body).toEqual({ unlocked: true, remaining: 0, resetsAt: resetsAt() });
  for (const outcome of refused) expect(outcome.body).toMatchObject({ error: "quota_exhausted" });

  expect(await me(api)).toMatchObject({ freeArticles: { used: 3, remaining: 0 } });
  // The one that won is readable; another one is not.
  await page.goto(`/articles/${won[0]!.article.slug}`);
  await expect(page.locator(".gated-section")).toContainText(won[0]!.article.gatedSentence);
  await page.goto(`/articles/${refused[0]!.article.slug}`);
  await expect(page.locator(".gated-section")).toHaveCount(0);
});

test(
  "ten parallel unlocks of the same article spend one free article",
  { tag: "@smoke" },
  async ({ page }, testInfo) => {
    await startSession(page.context(), uniqueEmail(testInfo));
    const api = page.request;
    await expectUnlocked(api, meterArticles[0].slug, 2);

    const responses = await Promise.all(Array.from({ length: 10 }, () => unlock(api, raceArticles[0]!.slug)));
    for (const response of responses) {
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ unlocked: true, remaining: 1, resetsAt: resetsAt() });
    }
    expect(await me(api)).toMatchObject({ freeArticles: { used: 2, remaining: 1 } });
  },
);
