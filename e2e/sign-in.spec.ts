// Signing in by emailed link, and the monthly meter as a signed-in reader
// meets it. Every test signs in its own address, so the per-address limits
// and meters are the test's own; the mail is read from MailDev's REST API.
import { createHash, createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "./database";
import { GATED_SENTENCE, gatedArticle, meterArticles } from "./fixtures";
import { mailsTo, waitForMails } from "./maildev";
import { inWords, nextMeterReset } from "./meter-reset";
import { me } from "./reader-api";
import { createReader, startSession } from "./sessions";
import { confirmLink, giftPanel, latestLinkFor, linkIn, requestLink, signIn, uniqueEmail } from "./sign-in";

const EXPIRED_OR_USED = "That sign-in link has expired or has already been used";

const paywall = (page: Page) => page.getByRole("complementary", { name: "Continue reading" });
const accountNav = (page: Page) => page.getByRole("navigation", { name: "Account" });

async function verificationTokens(email: string) {
  return sql<{ token: string; expires: Date }>("SELECT token, expires FROM verification_tokens WHERE identifier = $1", [
    email,
  ]);
}

async function expectSignedOut(page: Page) {
  await expect(accountNav(page).getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(accountNav(page).getByRole("link", { name: "Account", exact: true })).toHaveCount(0);
  expect(await me(page.request)).toEqual({ signedIn: false });
}

test(
  "a reader signs up on an article, reads it at once, unlocks three more, meets the limit and keeps them",
  { tag: "@smoke" },
  async ({ page, browser, baseURL }, testInfo) => {
    test.setTimeout(90_000);
    const email = uniqueEmail(testInfo);
    const [first, second, third, fourth] = meterArticles;

    const firstLink =
      await test.step("gives an address on a gated article's panel and reads the rest at once", async () => {
        await page.goto(`/articles/${gatedArticle.slug}`);
        const panel = paywall(page);
        await expect(panel.getByRole("checkbox", { name: "Don't send me the free newsletter" })).not.toBeChecked();
        await panel.getByLabel("Email address").fill(email);
        await panel.getByRole("button", { name: "Keep reading" }).click();
        await expect(page).toHaveURL(`/articles/${gatedArticle.slug}#continue`);
        await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
        await expect(giftPanel(page)).toContainText(email);
        await expect(paywall(page)).toHaveCount(0);

        const [mail] = await waitForMails(email, 1);
        expect(mail!.subject).toBe("Your sign-in link for The Folio Review");
        expect(mail!.text).toMatch(/Your code for The Folio Review: \d{6}/);
        const link = linkIn(mail!);
        expect(link.url.startsWith(`${baseURL}/signin/confirm?token=`)).toBe(true);
        expect(link).toMatchObject({ email, callbackUrl: `/articles/${gatedArticle.slug}#continue` });
        return link;
      });

    await test.step("follows the link and lands back at the article's cut, signed in, with three to spend", async () => {
      const landedOn = await confirmLink(page, firstLink);
      expect(landedOn.pathname).toBe(`/articles/${gatedArticle.slug}`);
      expect(landedOn.hash).toBe("#continue");
      await expect(page.locator(".gated-section")).toContainText(GATED_SENTENCE);
      await expect(page.getByRole("status").filter({ hasText: "free articles left" })).toContainText(
        `3 of 3 free articles left this month, resets ${inWords(nextMeterReset()).replace(/ \d{4}$/, "")}`,
      );
      await expect(accountNav(page).getByRole("link", { name: "Account", exact: true })).toBeVisible();
      await expect(accountNav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
      expect(await me(page.request)).toMatchObject({ signedIn: true, email, freeArticles: { used: 0, remaining: 3 } });
    });

    await test.step("unlocks three articles, the count of those left going down", async () => {
      for (const [article, left] of [
        [first, "3 free articles"],
        [second, "2 free articles"],
        [third, "1 free article"],
      ] as const) {
        await page.goto(`/articles/${article.slug}`);
        await expect(paywall(page)).toContainText(`Uses 1 of your 3 free articles this month. You have ${left} left.`);
        await expect(page.locator(".gated-section")).toHaveCount(0);
        await paywall(page).getByRole("button", { name: "Read this article" }).click();
        await expect(page.locator(".gated-section")).toContainText(article.gatedSentence);
        await expect(paywall(page)).toHaveCount(0);
      }
    });

    await test.step("finds the fourth offering the subscription and the date the free articles come back", async () => {
      await page.goto(`/articles/${fourth.slug}`);
      const panel = paywall(page);
      await expect(panel).toContainText(
        `You have read your 3 free articles this month. They come back on ${inWords(nextMeterReset())}.`,
      );
      await expect(panel.getByRole("link", { name: "Subscribe" })).toBeVisible();
      await expect(panel.getByRole("button", { name: "Read this article" })).toHaveCount(0);
      await expect(page.locator(".gated-section")).toHaveCount(0);
    });

    await test.step("the account page counts and lists the three", async () => {
      await accountNav(page).getByRole("link", { name: "Account", exact: true }).click();
      await expect(page.getByRole("main")).toContainText("You have used 3 of your 3 free articles this month");
      for (const article of [first, second, third]) {
        await expect(page.getByRole("main").getByRole("link", { name: article.title })).toBeVisible();
      }
      await expect(page.getByRole("link", { name: fourth.title })).toHaveCount(0);
    });

    await test.step("signs out", async () => {
      await accountNav(page).getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL("/");
      await expectSignedOut(page);
    });

    await test.step("signs in again in a new browser and still has the three, and not the fourth", async () => {
      const context = await browser.newContext({ baseURL });
      try {
        const other = await context.newPage();
        const secondLink = await signIn(other, email, { from: first.slug });
        expect(secondLink.token).not.toBe(firstLink.token);
        for (const article of [first, second, third]) {
          await other.goto(`/articles/${article.slug}`);
          await expect(other.locator(".gated-section")).toContainText(article.gatedSentence);
          await expect(paywall(other)).toHaveCount(0);
        }
        await other.goto(`/articles/${fourth.slug}`);
        await expect(paywall(other)).toContainText("You have read your 3 free articles this month.");
        await expect(paywall(other).getByRole("link", { name: "Subscribe" })).toBeVisible();
        await expect(other.locator(".gated-section")).toHaveCount(0);
      } finally {
        await context.close();
      }
    });
  },
);

test("a link signs in once: used again, on any device, it fails", async ({ page, browser, baseURL }, testInfo) => {
  const email = uniqueEmail(testInfo);
  const link = await signIn(page, email, { from: meterArticles[0].slug });
  expect(await verificationTokens(email)).toHaveLength(0);

  const context = await browser.newContext({ baseURL });
  try {
    const other = await context.newPage();
    const landedOn = await confirmLink(other, link);
    expect(landedOn.pathname).toBe("/signin");
    expect(landedOn.searchParams.get("error")).toBe("Verification");
    await expect(other.getByRole("main").getByRole("alert")).toContainText(EXPIRED_OR_USED);
    await expectSignedOut(other);
  } finally {
    await context.close();
  }
});

test("the sign-in button posted from another site is refused", async ({ request, baseURL }) => {
  // A made-up token: the cross-site check comes first, so no link is needed.
  const form = { token: "a".repeat(43), email: "someone@example.org", callbackUrl: "/" };
  const fromEvil = await request.post("/api/signin/confirm", { form, headers: { Origin: "https://evil.example" } });
  expect(fromEvil.status()).toBe(403);
  const sameSite = await request.post("/api/signin/confirm", { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(sameSite.status()).toBe(303);
  expect(sameSite.headers().location).toMatch(/\/signin\?error=Verification$/);
});

test("opening the link does not use it up; only the button does", async ({ page, request }, testInfo) => {
  const email = uniqueEmail(testInfo);
  await requestLink(page, email, { from: meterArticles[1].slug });
  const link = await latestLinkFor(email);

  // A mail scanner fetches the link (with a cookie jar of its own), twice.
  for (let i = 0; i < 2; i++) {
    const response = await request.get(link.url);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Sign in as");
  }
  await page.goto(link.url);
  expect(await verificationTokens(email)).toHaveLength(1);
  expect(await me(request)).toEqual({ signedIn: false });

  const landedOn = await confirmLink(page, link);
  expect(landedOn.pathname).toBe(`/articles/${meterArticles[1].slug}`);
  expect(await me(page.request)).toMatchObject({ signedIn: true, email });
  expect(await verificationTokens(email)).toHaveLength(0);
});

test("an expired link fails and signs no one in", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo);
  await requestLink(page, email, { from: meterArticles[2].slug });
  const link = await latestLinkFor(email);
  const expired = await sql(
    "UPDATE verification_tokens SET expires = now() - interval '1 minute' WHERE identifier = $1 RETURNING token",
    [email],
  );
  expect(expired).toHaveLength(1);

  const landedOn = await confirmLink(page, link);
  expect(landedOn.pathname).toBe("/signin");
  expect(landedOn.searchParams.get("error")).toBe("Verification");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(EXPIRED_OR_USED);
  await expectSignedOut(page);
});

test("the emailed token is not stored; only its hash with the secret is, for ten minutes", async ({
  page,
}, testInfo) => {
  const secret = process.env.AUTH_SECRET;
  expect(secret, "AUTH_SECRET is set by scripts/test.ts").toBeTruthy();
  const email = uniqueEmail(testInfo);
  const requestedAt = Date.now();
  await requestLink(page, email, { from: meterArticles[3].slug });
  const answeredAt = Date.now();
  const link = await latestLinkFor(email);
  expect(link.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);

  const rows = await verificationTokens(email);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.token).toBe(createHash("sha256").update(`${link.token}${secret}`).digest("hex"));
  expect(await sql("SELECT 1 FROM verification_tokens WHERE token = $1", [link.token])).toHaveLength(0);
  // Ten minutes from when the server took the request, which lies between
  // sending it and getting the answer (however slow a loaded machine is).
  const expires = rows[0]!.expires.getTime();
  expect(expires).toBeGreaterThanOrEqual(requestedAt + 10 * 60_000 - 1_000);
  expect(expires).toBeLessThanOrEqual(answeredAt + 10 * 60_000 + 1_000);
});

test("a fourth link within 15 minutes is refused calmly, and no mail is sent", async ({ page }, testInfo) => {
  const email = uniqueEmail(testInfo);
  const from = meterArticles[0].slug;
  for (let sent = 1; sent <= 3; sent++) {
    // The first request's instant-access grant would open the article: each ask comes from a fresh browser.
    await page.context().clearCookies();
    await requestLink(page, email, { from });
    await waitForMails(email, sent);
  }

  await page.context().clearCookies();
  await page.goto(`/articles/${from}`);
  await paywall(page).getByLabel("Email address").fill(email);
  await paywall(page).getByRole("button", { name: "Keep reading" }).click();
  await expect(paywall(page).getByRole("alert")).toContainText("not sending another just now");
  await expect(page).toHaveURL(`/articles/${from}`);
  // The refusal comes before any token is made or mail sent: three of each.
  expect(await verificationTokens(email)).toHaveLength(3);
  expect(await mailsTo(email)).toHaveLength(3);
});

test("the answer reads the same for a known and an unknown address", async ({ page }, testInfo) => {
  const known = (await createReader(uniqueEmail(testInfo, "known"))).email;
  const unknown = uniqueEmail(testInfo, "unknown");

  async function askForLink(address: string) {
    await page.goto("/signin");
    const form = await page.getByRole("main").innerText();
    await page.getByLabel("Email address").fill(address);
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === "POST"),
      page.getByRole("button", { name: "Email me a link" }).click(),
    ]);
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
    const mask = (text: string) =>
      text.replaceAll(encodeURIComponent(address), "ADDRESS").replaceAll(address, "ADDRESS");
    const mail = linkIn((await waitForMails(address, 1))[0]!);
    return {
      form,
      status: response.status(),
      redirect: mask((await response.allHeaders())["x-action-redirect"] ?? ""),
      url: mask(page.url()),
      page: mask(await page.getByRole("main").innerText()),
      mail: mask(mail.url.replace(mail.token, "TOKEN")),
    };
  }

  const forKnown = await askForLink(known);
  const forUnknown = await askForLink(unknown);
  expect(forKnown.page).toContain("We sent a 6-digit code and a sign-in link to ADDRESS");
  expect(forUnknown).toEqual(forKnown);
});

test("signing out everywhere ends the session on the other device too", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // Two sessions of one reader, made directly (sessions.ts): how a session
  // begins is what the tests above are about; this one is about how it ends.
  const email = uniqueEmail(testInfo);
  const from = meterArticles[3].slug;
  await startSession(page.context(), email);
  const context = await browser.newContext({ baseURL });
  try {
    const otherDevice = await context.newPage();
    await startSession(context, email);
    await otherDevice.goto(`/articles/${from}`);
    await expect(otherDevice.getByRole("link", { name: "Account", exact: true })).toBeVisible();

    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL("/signin?signedOut=everywhere");
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are signed out on every device.");
    await expectSignedOut(page);

    await otherDevice.reload();
    await expect(paywall(otherDevice).getByRole("button", { name: "Keep reading" })).toBeVisible();
    await expectSignedOut(otherDevice);
  } finally {
    await context.close();
  }
});

test("a client cannot choose its own address for the per-IP limit with X-Forwarded-For", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.7" } });
  const page = await context.newPage();
  const email = uniqueEmail(testInfo, "spoof");
  await requestLink(page, email, { from: gatedArticle.slug });
  await context.close();
  const [row] = await sql<{ ip_hash: string }>("SELECT ip_hash FROM sign_in_requests WHERE email = $1", [email]);
  const hashOf = (ip: string) => createHmac("sha256", process.env.AUTH_SECRET!).update(ip).digest("hex");
  expect(row?.ip_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(row?.ip_hash).not.toBe(hashOf("203.0.113.7"));
  expect([hashOf("127.0.0.1"), hashOf("::1"), hashOf("::ffff:127.0.0.1")]).toContain(row?.ip_hash);
});
