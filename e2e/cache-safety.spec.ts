// What Folio keeps and lets others keep. The server caches the
// reader-independent parts of pages (lib/cache), and anonymous pages tell a
// CDN it may keep them; neither may ever hand one reader's page to another.
// These tests act as a subscriber and as the anonymous reader right after,
// and read the Cache-Control of everything that depends on the reader.
import { randomBytes } from "node:crypto";
import { expect, test, type APIResponse, type Response } from "@playwright/test";
import { sql } from "./database";
import { GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle, meterArticles } from "./fixtures";
import { keptPage, untilCached } from "./page-cache";
import { unlock } from "./reader-api";
import { startSession, storeSubscription as subscribe } from "./sessions";
import { signIn, uniqueEmail } from "./sign-in";

const articlePath = `/articles/${gatedArticle.slug}`;
const gatedTrace = GATED_SENTENCE.split(" ").at(-1)!;

function expectPrivate(cacheControl: string | undefined, what: string): void {
  expect(cacheControl, what).toBeDefined();
  expect(cacheControl, what).not.toMatch(/public|s-maxage/);
  expect(cacheControl, what).toMatch(/private/);
  expect(cacheControl, what).toMatch(/no-store/);
}

test("after a subscriber reads a gated article, the anonymous reader right after gets the preview only", async ({
  page,
  playwright,
}, testInfo) => {
  const subscriber = await startSession(page.context(), uniqueEmail(testInfo, "cache-subscriber"));
  await subscribe(subscriber.id);

  // A context of its own: no cookie at all, as a CDN or a new visitor asks.
  const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const subscriberResponse = await page.goto(articlePath);
    const readAt = Date.now();
    // Sent at once, before anything else: within a second of the subscriber's page.
    const answers = Promise.all([anonymous.get(articlePath), anonymous.get(articlePath, { headers: { RSC: "1" } })]);
    expect(Date.now() - readAt, "the anonymous requests were sent within a second").toBeLessThan(1_000);
    await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
    expectPrivate(subscriberResponse?.headers()["cache-control"], "the subscriber's page");
    const [html, rsc] = await answers;
    for (const response of [html, rsc]) {
      expect(response.status()).toBe(200);
      const text = await response.text();
      expect(text).toContain(PREVIEW_SENTENCE);
      expect(text).not.toContain(gatedTrace);
    }
    expect(html.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(html.headers()["vary"]).toMatch(/\bCookie\b/i);
  } finally {
    await anonymous.dispose();
  }

  // And the subscriber still reads it all: the anonymous preview was not kept for them either.
  await page.reload();
  await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
});

test("responses that depend on the reader are never publicly cacheable", async ({ page }, testInfo) => {
  await startSession(page.context(), uniqueEmail(testInfo, "cache-reader"));
  const request = page.request;
  const answers: [string, APIResponse][] = [
    ["GET /account", await request.get("/account", { maxRedirects: 0 })],
    ["GET /api/me", await request.get("/api/me")],
    ["GET a gated article, signed in", await request.get(articlePath)],
    ["GET the front page, signed in", await request.get("/")],
    ["GET /api/search, signed in", await request.get("/api/search?q=tanker")],
    ["POST unlock", await unlock(request, meterArticles[0].slug)],
  ];
  expect(answers.find(([name]) => name === "POST unlock")![1].status()).toBe(200);
  for (const [name, response] of answers) expectPrivate(response.headers()["cache-control"], name);

  // Without a cookie, pages about the reader are still private.
  const anonymous = await page.context().browser()!.newContext();
  try {
    for (const path of ["/api/me", "/account", "/subscribe", "/signin"]) {
      const response = await anonymous.request.get(path, { maxRedirects: 0 });
      expectPrivate(response.headers()["cache-control"], `anonymous GET ${path}`);
    }
    const refused = await unlock(anonymous.request, meterArticles[0].slug);
    expect(refused.status()).toBe(401);
    expectPrivate(refused.headers()["cache-control"], "anonymous POST unlock");
  } finally {
    await anonymous.close();
  }
});

test("no response that sets a cookie is publicly cacheable: signing in and out", async ({ page }, testInfo) => {
  const withCookies: { url: string; cacheControl: string | undefined }[] = [];
  const record = async (response: Response) => {
    const headers = await response.allHeaders().catch(() => null);
    if (headers?.["set-cookie"]) withCookies.push({ url: response.url(), cacheControl: headers["cache-control"] });
  };
  page.on("response", (response) => void record(response));

  await signIn(page, uniqueEmail(testInfo, "cache-cookies"), { from: gatedArticle.slug });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // At least the session cookie being set (sign-in) and cleared (sign-out).
  expect(withCookies.length, JSON.stringify(withCookies)).toBeGreaterThanOrEqual(2);
  for (const { url, cacheControl } of withCookies) expectPrivate(cacheControl, `a Set-Cookie response from ${url}`);
});

/** The nonce a response's Content-Security-Policy admits scripts by. */
const policyNonce = (response: APIResponse) =>
  /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];

test("an anonymous page kept whole gets a nonce of its own each time, and is never served to a signed-in reader", async ({
  browser,
  page,
  playwright,
}, testInfo) => {
  const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const first = await keptPage(anonymous, articlePath);
    const second = await keptPage(anonymous, articlePath);
    const [firstNonce, secondNonce] = [policyNonce(first)!, policyNonce(second)!];
    expect(firstNonce).toBeTruthy();
    expect(secondNonce).not.toBe(firstNonce);
    const body = await second.text();
    // Every script and style the page carries has this response's nonce, and no other.
    const nonces = [...body.matchAll(/nonce="([^"]*)"/g)].map((match) => match[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([secondNonce]));
    expect(body).not.toContain(firstNonce);
    // The same article either way (the masthead around it may change between
    // the two if another test renames a topic meanwhile).
    const article = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
    expect(article(body)).toBeTruthy();
    expect(article(body)).toBe(article(await first.text()));
    expect(body).toContain(PREVIEW_SENTENCE);
    expect(body).not.toContain(gatedTrace);
    expect(second.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=300");
  } finally {
    await anonymous.dispose();
  }

  // A browser takes the stored page's stylesheet under its new nonce, and
  // runs the scripts of a stored page that has them (reader pages have none:
  // e2e/without-javascript.spec.ts): nothing is refused, and Next.js starts.
  const visitor = await browser.newContext();
  try {
    const tab = await visitor.newPage();
    const refused: string[] = [];
    tab.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    // Kept by this browser's anonymous requests, then opened in its tab.
    await untilCached(async () => {
      await keptPage(visitor.request, articlePath);
      return (await tab.goto(articlePath))!;
    }, "the tab gets the kept page");
    expect(await tab.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    const searchPath = "/search?q=budget";
    await untilCached(async () => {
      await keptPage(visitor.request, searchPath);
      return (await tab.goto(searchPath))!;
    }, "the tab gets the kept search page");
    await expect
      .poll(() => tab.evaluate(() => Boolean((window as { next?: { version?: string } }).next?.version)))
      .toBe(true);
    expect(refused).toEqual([]);
  } finally {
    await visitor.close();
  }

  // The subscriber asking for the same address gets a subscriber's page (rendered
  // for them, or kept for subscribers: e2e/reader-pages.spec.ts), and reads it all.
  const subscriber = await startSession(page.context(), uniqueEmail(testInfo, "cache-stored-subscriber"));
  await subscribe(subscriber.id);
  const response = await page.goto(articlePath);
  await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
  expectPrivate(response?.headers()["cache-control"], "the subscriber's page");
});

test("the search API's anonymous answer is kept whole, and a signed-in reader never gets it", async ({
  page,
  playwright,
}, testInfo) => {
  const subscriber = await startSession(page.context(), uniqueEmail(testInfo, "cache-search-subscriber"));
  await subscribe(subscriber.id);
  // A word only the gated text has: the article is found by it, and the
  // snippet around it is the subscriber's to read, not the anonymous reader's.
  const path = `/api/search?q=${gatedTrace}`;
  const snippets = async (response: APIResponse) =>
    ((await response.json()) as { results: { slug: string; snippet: string }[] }).results
      .filter((result) => result.slug === gatedArticle.slug)
      .map((result) => result.snippet);
  const theirs = await page.request.get(path);
  expect(theirs.status()).toBe(200);
  expectPrivate(theirs.headers()["cache-control"], "the subscriber's search");
  expect(await snippets(theirs)).toEqual([expect.stringContaining(gatedTrace)]);

  const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const stored = await keptPage(anonymous, path);
    expect(stored.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(stored.headers()["vary"]).toMatch(/\bCookie\b/i);
    const [snippet] = await snippets(stored);
    expect(snippet).toBeDefined();
    expect(snippet).not.toContain(gatedTrace);
  } finally {
    await anonymous.dispose();
  }

  // The subscriber asks again after the anonymous answer was kept: theirs, rendered for them.
  const again = await page.request.get(path);
  expect(again.headers()["x-folio-page-cache"]).toBeUndefined();
  expectPrivate(again.headers()["cache-control"], "the subscriber's search, asked again");
  expect(await snippets(again)).toEqual([expect.stringContaining(gatedTrace)]);
});

test("an editor's change reaches the anonymous reader of a stored page at once", async ({
  browser,
  playwright,
}, testInfo) => {
  const editorContext = await browser.newContext();
  const anonymous = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const editor = await startSession(editorContext, uniqueEmail(testInfo, "cache-editor"));
    await sql("UPDATE users SET role = 'editor' WHERE id = $1", [editor.id]);
    const api = editorContext.request;
    const origin = { Origin: new URL(testInfo.project.use.baseURL!).origin };
    const title = `Stored page ${randomBytes(4).toString("hex")}`;
    const body = "Before the cut.\n\n<!-- paywall -->\n\nAfter the cut.";
    const created = await api.post("/api/admin/articles", {
      data: { title, dek: "A page kept whole.", body },
      headers: origin,
    });
    expect(created.status()).toBe(201);
    const draft = (await created.json()) as { id: string; slug: string };
    expect((await api.post(`/api/admin/articles/${draft.id}/publish`, { data: {}, headers: origin })).status()).toBe(
      200,
    );

    const path = `/articles/${draft.slug}`;
    expect(await (await keptPage(anonymous, path)).text()).toContain(title);
    const { version } = (await (await api.get(`/api/admin/articles/${draft.id}`)).json()) as { version: number };
    const saved = await api.post(`/api/admin/articles/${draft.id}`, {
      data: { title: `${title} edited`, dek: "A page kept whole.", body, version },
      headers: origin,
    });
    expect(saved.status()).toBe(200);
    // No waiting: the change was invalidated before the save was answered.
    const after = await anonymous.get(path);
    expect(after.headers()["x-folio-page-cache"]).toBe("miss");
    expect(await after.text()).toContain(`${title} edited`);

    expect((await api.post(`/api/admin/articles/${draft.id}/unpublish`, { data: {}, headers: origin })).status()).toBe(
      200,
    );
    expect((await anonymous.get(path)).status()).toBe(404);
  } finally {
    await anonymous.dispose();
    await editorContext.close();
  }
});
