// Gift articles (docs/gifts.md): a subscriber sends a gated article, whoever
// opens the link reads it whole without signing in, up to the gift's limit of
// browsers; an altered, expired, revoked or misplaced link shows the preview
// and says why; and no gift's page reaches anyone else, through the page
// cache or any form of the page.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { sql } from "./database";
import { CUT_GATED_SENTENCE, GATED_SENTENCE, PREVIEW_SENTENCE, gatedArticle, markerArticle } from "./fixtures";
import { startSession, storeSubscription } from "./sessions";
import { uniqueEmail } from "./sign-in";

const articlePath = `/articles/${gatedArticle.slug}`;
const LAST_PARAGRAPH = "That number would leave room for seasonal demand without flooding the market.";
const PRIVATE = "private, no-store";

/** The sentence and its unique last word: a partial leak is still a leak. */
const tracesOf = (sentence: string) => [sentence, sentence.split(" ").at(-1)!];

const baseURL = () => test.info().project.use.baseURL!;

/** A browser of its own: no cookie, no session. */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  return context.newPage();
}

/** A subscriber's browser sends a gift of the gated article; returns the link's path (/gift/{token}) and token. */
async function sendGift(
  browser: Browser,
  label: string,
): Promise<{ page: Page; path: string; token: string; senderId: string }> {
  const page = await freshPage(browser);
  const reader = await startSession(page.context(), uniqueEmail(test.info(), label));
  await storeSubscription(reader.id);
  await page.goto(articlePath);
  const panel = page.getByRole("complementary", { name: "Gift this article" });
  await panel.getByRole("button", { name: "Gift this article" }).click();
  await page.waitForURL(/[?&]gift-sent=/);
  const link = await page.getByLabel(/Your gift link/).inputValue();
  const path = new URL(link).pathname;
  expect(path).toMatch(/^\/gift\/[A-Za-z0-9_-]{64}$/);
  return { page, path, token: path.slice("/gift/".length), senderId: reader.id };
}

const giftNote = (page: Page) => page.locator(".gift-note");

async function expectWhole(page: Page) {
  await expect(page.getByText(LAST_PARAGRAPH)).toBeVisible();
  await expect(page.getByText(GATED_SENTENCE)).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Continue reading" })).toHaveCount(0);
}

async function expectPreview(page: Page, why: RegExp) {
  await expect(giftNote(page)).toContainText(why);
  await expect(page.getByText(PREVIEW_SENTENCE)).toBeVisible();
  await expect(page.locator(".gated-section")).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Continue reading" })).toBeVisible();
  expect(await page.content()).not.toContain(GATED_SENTENCE.split(" ").at(-1)!);
}

test("a subscriber's gift is read whole by whoever opens it, up to its limit of browsers, until revoked", async ({
  browser,
  request,
}) => {
  const sender = await sendGift(browser, "gift-sender");
  await expect(sender.page.getByRole("complementary", { name: "Gift this article" })).toContainText(
    "You have 9 of 10 gifts left this month.",
  );

  const recipient = await freshPage(browser);
  await test.step("an anonymous recipient reads the whole article, told it is a gift", async () => {
    const response = await recipient.goto(sender.path);
    expect(new URL(recipient.url()).pathname).toBe(articlePath);
    expect(new URL(recipient.url()).searchParams.get("gift")).toBe(sender.token);
    expect(response?.headers()["cache-control"]).toBe(PRIVATE);
    await expectWhole(recipient);
    await expect(giftNote(recipient)).toContainText("A subscriber gave you this article.");
    await expect(giftNote(recipient)).toContainText("Sign up to read 3 free articles a month");
    // Not for search engines; its canonical address is the article's own.
    await expect(recipient.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(recipient.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${articlePath}$`));
    // Signed out all along: /api/me says so.
    expect(await (await recipient.request.get("/api/me")).json()).toMatchObject({ signedIn: false });
  });

  await test.step("the usual paywall stays on the recipient's other articles", async () => {
    await recipient.goto(`/articles/${markerArticle.slug}`);
    await expect(recipient.getByRole("complementary", { name: "Continue reading" })).toBeVisible();
    await expect(recipient.locator(".gated-section")).toHaveCount(0);
  });

  await test.step("the plain address still shows everyone else the preview, never from the gift", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const plain = await request.get(articlePath);
      const html = await plain.text();
      expect(html).toContain(PREVIEW_SENTENCE);
      for (const trace of tracesOf(GATED_SENTENCE)) expect(html).not.toContain(trace);
      expect(html).not.toContain("A subscriber gave you this article");
    }
    // The gift's own address without the browser that opened it: the preview,
    // private, never answered from or kept in the page cache.
    for (let attempt = 0; attempt < 2; attempt++) {
      const gifted = await request.get(`${articlePath}?gift=${sender.token}`);
      expect(gifted.headers()["cache-control"]).toBe(PRIVATE);
      expect(gifted.headers()["x-folio-page-cache"]).toBeUndefined();
      const html = await gifted.text();
      for (const trace of tracesOf(GATED_SENTENCE)) expect(html).not.toContain(trace);
      expect(html.replaceAll("<!-- -->", "")).toContain("This browser has not opened the gift link yet.");
    }
  });

  await test.step("after the gift's limit of browsers, another browser gets the preview and why", async () => {
    await sql("UPDATE gift_links SET max_browsers = 1 WHERE sender_id = $1", [sender.senderId]);
    const latecomer = await freshPage(browser);
    await latecomer.goto(sender.path);
    await expectPreview(latecomer, /already opened in as many browsers as it may \(1\)/);
    await latecomer.context().close();
    // The browser that opened it keeps reading.
    await recipient.goto(sender.path);
    await expectWhole(recipient);
  });

  await test.step("the sender's account lists the gift, its browsers and opens, and revokes it", async () => {
    await sender.page.goto("/account");
    const gifts = sender.page.getByRole("region", { name: "Gifts" });
    await expect(gifts).toContainText(gatedArticle.title);
    await expect(gifts).toContainText("Opened in 1 of 1 browser, 2 times in all.");
    await expect(gifts.getByRole("textbox", { name: `Gift link for ${gatedArticle.title}` })).toHaveValue(
      new RegExp(`${sender.path}$`),
    );
    await gifts.getByRole("button", { name: `Revoke the gift of ${gatedArticle.title}` }).click();
    await expect(sender.page.getByRole("status").filter({ hasText: "The gift link is revoked" })).toBeVisible();
    await expect(gifts).toContainText(/revoked \d/);
    await expect(gifts.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  });

  await test.step("once revoked, the recipient gets the preview and why", async () => {
    await recipient.goto(`${articlePath}?gift=${sender.token}`);
    await expectPreview(recipient, /withdrawn/);
  });
});

test("altered, expired and misplaced gift links show the preview and say why", async ({ browser }) => {
  const sender = await sendGift(browser, "gift-bad-links");
  const reader = await freshPage(browser);
  // This browser opens the real gift first: a bad token must not ride on it.
  await reader.goto(sender.path);
  await expectWhole(reader);

  await test.step("a character of the token changed", async () => {
    const index = 60;
    const altered =
      sender.token.slice(0, index) + (sender.token[index] === "A" ? "B" : "A") + sender.token.slice(index + 1);
    await reader.goto(`/gift/${altered}`);
    expect(new URL(reader.url()).pathname).toBe(articlePath);
    await expectPreview(reader, /not valid/);
    await reader.goto(`${articlePath}?gift=${altered}`);
    await expectPreview(reader, /not valid/);
  });

  await test.step("on another article's page", async () => {
    await reader.goto(`/articles/${markerArticle.slug}?gift=${sender.token}`);
    await expect(giftNote(reader)).toContainText("for another article");
    await expect(reader.locator(".gated-section")).toHaveCount(0);
    expect(await reader.content()).not.toContain(CUT_GATED_SENTENCE.split(" ").at(-1)!);
  });

  await test.step("a link that names no article at all", async () => {
    await reader.goto(`/gift/${"A".repeat(64)}`);
    expect(new URL(reader.url()).pathname).toBe("/gift");
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("This gift link does not open an article");
  });

  await test.step("expired", async () => {
    await sql("UPDATE gift_links SET expires_at = now() - interval '1 minute' WHERE sender_id = $1", [sender.senderId]);
    await reader.goto(sender.path);
    await expectPreview(reader, /expired on/);
    const newcomer = await freshPage(browser);
    await newcomer.goto(sender.path);
    await expectPreview(newcomer, /expired on/);
    await newcomer.context().close();
  });
});

test("a subscriber's article offers the gift; a free reader's does not", async ({ browser }) => {
  const free = await freshPage(browser);
  await startSession(free.context(), uniqueEmail(test.info(), "gift-free-reader"));
  await free.goto(articlePath);
  await expect(free.getByRole("complementary", { name: "Continue reading" })).toBeVisible();
  await expect(free.getByRole("complementary", { name: "Gift this article" })).toHaveCount(0);
  const anonymous = await freshPage(browser);
  await anonymous.goto(articlePath);
  await expect(anonymous.getByRole("complementary", { name: "Gift this article" })).toHaveCount(0);
});

// The paywall leak checks (paywall-leak.spec.ts) over gift addresses with bad
// tokens: from a browser with no cookie, and from one that opened a real
// gift of the same article (its cookie must not open anything else).
test.describe("gift addresses with bad tokens leak nothing", () => {
  const badTokens = [
    "",
    "%00",
    encodeURIComponent("é🎁\u202e"),
    "A".repeat(64),
    "x".repeat(10_000),
    encodeURIComponent("<script>alert(1)</script>"),
    "gift&gift=second",
  ];

  async function expectNoLeak(request: APIRequestContext, token: string) {
    const surfaces: { name: string; path: string; headers: Record<string, string> }[] = [
      { name: "page", path: `${articlePath}?gift=${token}`, headers: {} },
      { name: "RSC payload", path: `${articlePath}?gift=${token}`, headers: { RSC: "1" } },
      {
        name: "RSC prefetch",
        path: `${articlePath}?gift=${token}`,
        headers: { RSC: "1", "Next-Router-Prefetch": "1" },
      },
      { name: "RSC via _rsc", path: `${articlePath}?gift=${token}&_rsc=leak`, headers: { RSC: "1" } },
      { name: "gift link", path: `/gift/${token}`, headers: {} },
    ];
    for (const surface of surfaces) {
      const response = await request.get(surface.path, { headers: surface.headers, maxRedirects: 5 });
      const label = `${surface.name} with token ${token.slice(0, 40)}`;
      expect(response.status(), label).toBeLessThan(500);
      expect(response.headers()["cache-control"], label).toBe(PRIVATE);
      const text = await response.text();
      for (const trace of tracesOf(GATED_SENTENCE)) expect(text, label).not.toContain(trace);
    }
  }

  test("anonymously", async ({ request }) => {
    for (const token of badTokens) await expectNoLeak(request, token);
  });

  test("from a browser that opened a real gift of the article", async ({ browser }) => {
    const sender = await sendGift(browser, "gift-leak-sender");
    const opened = await freshPage(browser);
    await opened.goto(sender.path);
    await expectWhole(opened);
    const altered = sender.token.slice(0, 63) + (sender.token[63] === "A" ? "B" : "A");
    for (const token of [...badTokens, altered]) await expectNoLeak(opened.request, token);
    // The real token's RSC payload does carry the text to this browser, privately.
    const rsc = await opened.request.get(`${articlePath}?gift=${sender.token}`, { headers: { RSC: "1" } });
    expect(rsc.headers()["cache-control"]).toBe(PRIVATE);
    expect(await rsc.text()).toContain(GATED_SENTENCE.split(" ").at(-1)!);
  });
});
