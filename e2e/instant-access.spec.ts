// Instant access: "Keep reading for free" shows the rest of the article at
// once, through a signed grant that is not a session; the emailed code,
// typed on the same page, confirms the address. Every test uses its own
// address, so gifts, codes and limits are the test's own.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { sql } from "./database";
import { GATED_SENTENCE, gatedArticle, meterArticles } from "./fixtures";
import { mailsTo } from "./maildev";
import { me } from "./reader-api";
import { createReader } from "./sessions";
import {
  confirmLink,
  giftPanel,
  isSignInMail,
  latestCodeFor,
  latestLinkFor,
  requestLink,
  uniqueEmail,
} from "./sign-in";

const LAST_PARAGRAPH = "Nothing about it has been announced in public.";
const paywall = (page: Page) => page.getByRole("complementary", { name: "Continue reading" });

async function grantCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name.endsWith("folio-grant"));
}

async function typeCode(page: Page, code: string) {
  await giftPanel(page).getByLabel("6-digit code").fill(code);
  await giftPanel(page).getByRole("button", { name: "Confirm" }).click();
}

test("a reader types an address, reads the rest at once, confirms with the code and reads on another device", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const email = uniqueEmail(testInfo);
  const [article] = meterArticles;

  await test.step("one action: the address, and the rest of the article is there", async () => {
    await page.goto(`/articles/${article.slug}`);
    await expect(page.locator(".gated-section")).toHaveCount(0);
    await paywall(page).getByLabel("Email address").fill(email);
    await paywall(page).getByRole("button", { name: "Keep reading" }).click();
    await expect(page).toHaveURL(`/articles/${article.slug}#continue`);
    await expect(page.locator(".gated-section").getByText(LAST_PARAGRAPH)).toBeVisible();
    await expect(page.locator(".gated-section")).toContainText(article.gatedSentence);
    await expect(giftPanel(page)).toContainText("does not count against your 3 free articles a month");
    await expect(paywall(page)).toHaveCount(0);
  });

  await test.step("the grant is HttpOnly and is not a session", async () => {
    const cookie = await grantCookie(page.context());
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(await me(page.request)).toEqual({ signedIn: false });
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account$/);
    expect(await sql("SELECT 1 FROM users WHERE email = $1", [email])).toHaveLength(0);
  });

  await test.step("the code from the email, typed at the cut, signs in there", async () => {
    await page.goto(`/articles/${article.slug}`);
    await typeCode(page, await latestCodeFor(email));
    await expect(page).toHaveURL(`/articles/${article.slug}#continue`);
    await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
    await expect(page.locator(".gated-section").getByText(LAST_PARAGRAPH)).toBeVisible();
    await expect(page.locator(".meter-note")).toContainText("3 of 3 free articles left this month, resets 1 ");
    await expect(giftPanel(page)).toHaveCount(0);
    expect(await me(page.request)).toMatchObject({ signedIn: true, email, freeArticles: { used: 0, remaining: 3 } });
    const [unlock] = await sql<{ kind: string }>(
      "SELECT kind::text FROM article_unlocks u JOIN users r ON r.id = u.user_id WHERE r.email = $1",
      [email],
    );
    expect(unlock?.kind).toBe("registration_gift");
  });

  await test.step("another browser signs in and reads it too, the gift spent nothing", async () => {
    const context = await browser.newContext({ baseURL });
    try {
      const other = await context.newPage();
      // The address had its gift: this browser gets the code, not a second gift.
      expect(await requestLink(other, email, { from: meterArticles[1].slug })).toBe("check-email");
      await other.getByLabel("6-digit code").fill(await latestCodeFor(email, { count: 2 }));
      await other.getByRole("button", { name: "Confirm" }).click();
      await expect(other).toHaveURL(`/articles/${meterArticles[1].slug}#continue`);
      await other.goto(`/articles/${article.slug}`);
      await expect(other.locator(".gated-section")).toContainText(article.gatedSentence);
      await expect(other.locator(".meter-note")).toContainText("3 of 3 free articles left");
    } finally {
      await context.close();
    }
  });
});

test("a grant opens its one article only, and a forged or altered grant opens nothing", async ({
  page,
  baseURL,
}, testInfo) => {
  const email = uniqueEmail(testInfo);
  expect(await requestLink(page, email, { from: meterArticles[2].slug })).toBe("instant");
  const cookie = (await grantCookie(page.context()))!;
  // Its own article: whole, and never for a shared cache.
  const granted = await page.request.get(`/articles/${meterArticles[2].slug}`);
  expect(granted.headers()["cache-control"]).toBe("private, no-store");
  expect(await granted.text()).toContain("narwhalsprocket");

  // Another article: the preview and the panel, and no gated text in the HTML or the RSC payload.
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const response = await page.request.get(`/articles/${gatedArticle.slug}`, { headers });
    expect(response.status()).toBe(200);
    expect(await response.text()).not.toContain(GATED_SENTENCE.split(" ").at(-1));
  }
  await page.goto(`/articles/${gatedArticle.slug}`);
  await expect(paywall(page)).toBeVisible();

  const [version, articleId, address, expires, signature] = cookie.value.split(".");
  const otherId = (await sql<{ id: string }>("SELECT id FROM articles WHERE slug = $1", [gatedArticle.slug]))[0]!.id;
  const forgeries = [
    [version, otherId, address, expires, signature].join("."),
    [version, articleId, address, "zzzzzzz", signature].join("."),
    [version, articleId, address, expires, "A".repeat(signature!.length)].join("."),
    "garbage",
    "%00%0d%0a",
    "x".repeat(4000),
  ];
  for (const value of forgeries) {
    await page.context().clearCookies();
    await page.context().addCookies([{ name: cookie.name, value, url: baseURL! }]);
    for (const slug of [meterArticles[2].slug, gatedArticle.slug]) {
      const response = await page.request.get(`/articles/${slug}`);
      expect(response.status(), value).toBe(200);
      const html = await response.text();
      expect(html).not.toContain("narwhalsprocket");
      expect(html).not.toContain(GATED_SENTENCE.split(" ").at(-1));
    }
  }
});

test("the answer is the same for a known and an unknown address, and a second gift is refused", async ({
  browser,
  baseURL,
}, testInfo) => {
  const known = (await createReader(uniqueEmail(testInfo, "known"))).email;
  const unknown = uniqueEmail(testInfo, "unknown");
  const [, article] = meterArticles;

  async function giveAddress(address: string) {
    const context = await browser.newContext({ baseURL });
    try {
      const page = await context.newPage();
      const outcome = await requestLink(page, address, { from: article.slug });
      const mask = (text: string) => text.replaceAll(address, "ADDRESS");
      return { outcome, url: page.url(), page: mask(await page.getByRole("main").innerText()) };
    } finally {
      await context.close();
    }
  }

  const forKnown = await giveAddress(known);
  const forUnknown = await giveAddress(unknown);
  expect(forKnown.outcome).toBe("instant");
  expect(forUnknown).toEqual(forKnown);
  // The typist of a known address gets nothing of the account.
  expect(await sql("SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1", [known])).toEqual(
    [],
  );

  // Once per address ever: a new browser asking again gets the code, not the article.
  const again = await giveAddress(unknown);
  expect(again.outcome).toBe("check-email");
  expect(again.page).toContain("We sent a 6-digit code and a sign-in link to ADDRESS");
});

test("five wrong codes lock the code, and the right one then fails too", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo);
  await requestLink(page, email, { from: meterArticles[3].slug });
  const code = await latestCodeFor(email);
  const wrong = code === "111111" ? "222222" : "111111";
  for (let attempt = 1; attempt <= 4; attempt++) {
    await typeCode(page, wrong);
    await expect(giftPanel(page).getByRole("alert")).toContainText("That code is not right.");
  }
  await typeCode(page, wrong);
  await expect(giftPanel(page).getByRole("alert")).toContainText("entered wrongly too many times");
  await typeCode(page, code);
  await expect(giftPanel(page).getByRole("alert")).toContainText("has expired or has already been used");
  expect(await me(page.request)).toEqual({ signedIn: false });
  // The article stays readable through the grant meanwhile.
  await expect(page.locator(".gated-section")).toContainText(meterArticles[3].gatedSentence);
});

test("an expired code fails and signs no one in", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo);
  await requestLink(page, email, { from: meterArticles[0].slug });
  const code = await latestCodeFor(email);
  expect(
    await sql("UPDATE sign_in_codes SET expires_at = now() - interval '1 minute' WHERE email = $1 RETURNING 1", [
      email,
    ]),
  ).toHaveLength(1);
  await typeCode(page, code);
  await expect(giftPanel(page).getByRole("alert")).toContainText("has expired or has already been used");
  expect(await me(page.request)).toEqual({ signedIn: false });
});

test("the code and the link are one sign-in: using either ends the other", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const byCode = uniqueEmail(testInfo, "code-first");
  await requestLink(page, byCode, { from: meterArticles[1].slug });
  const link = await latestLinkFor(byCode);
  await typeCode(page, await latestCodeFor(byCode));
  await expect(page.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  expect(await sql("SELECT 1 FROM sign_in_codes WHERE email = $1", [byCode])).toHaveLength(0);

  const context = await browser.newContext({ baseURL });
  try {
    const other = await context.newPage();
    const landedOn = await confirmLink(other, link);
    expect(landedOn.pathname).toBe("/signin");
    expect(await me(other.request)).toEqual({ signedIn: false });

    // The link first: the code is gone with it.
    const byLink = uniqueEmail(testInfo, "link-first");
    await other.context().clearCookies();
    await requestLink(other, byLink, { from: meterArticles[2].slug });
    const code = await latestCodeFor(byLink);
    const usedLink = await latestLinkFor(byLink);
    const fresh = await browser.newContext({ baseURL });
    try {
      await confirmLink(await fresh.newPage(), usedLink);
    } finally {
      await fresh.close();
    }
    await other.goto(`/articles/${meterArticles[2].slug}`);
    await typeCode(other, code);
    await expect(giftPanel(other).getByRole("alert")).toContainText("has expired or has already been used");
    expect(await me(other.request)).toEqual({ signedIn: false });
  } finally {
    await context.close();
  }
});

test("bad input gets a clear message and changes nothing", async ({ page }, testInfo) => {
  const article = meterArticles[0];
  for (const [address, message] of [
    ["not-an-address", "That does not look like an email address"],
    [`${"a".repeat(290)}@example.org`, "That does not look like an email address"],
    ["reader@example.org\r\nBcc: victim@example.org", "That does not look like an email address"],
  ] as const) {
    await page.goto(`/articles/${article.slug}`);
    await paywall(page).getByLabel("Email address").fill(address);
    await paywall(page).getByRole("button", { name: "Keep reading" }).click();
    await expect(paywall(page).getByRole("alert")).toContainText(message);
    await expect(page.locator(".gated-section")).toHaveCount(0);
    expect(await grantCookie(page.context())).toBeUndefined();
  }

  // Codes of the wrong length or with letters: said so, and no try is spent.
  const email = uniqueEmail(testInfo);
  await requestLink(page, email, { from: article.slug });
  for (const code of ["12345", "1234567", "abcdef", "12 34 5x"]) {
    await typeCode(page, code);
    await expect(giftPanel(page).getByRole("alert")).toContainText("The code is the 6 digits in the email");
  }
  expect((await sql<{ tries: number }>("SELECT tries FROM sign_in_codes WHERE email = $1", [email]))[0]?.tries).toBe(0);

  // Posted straight at the route: garbage fields come back with a message, never a 5xx.
  for (const form of [
    {},
    { email: "x", code: "1" },
    { email: email, code: "9".repeat(100), returnTo: "//evil.example" },
  ] as Record<string, string>[]) {
    const response = await page.request.post("/api/signin/code", { form, maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toMatch(/^(http:\/\/[^/]+)?\/[^/]/);
  }
  expect(await mailsTo(email, isSignInMail)).toHaveLength(1);
});
