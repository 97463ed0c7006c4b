// Issue 17, the buyer's part: whoever subscribes from an article comes back
// to that article, whole. A signed-in reader pays as themselves; a visitor
// chooses a plan first and gives the address on Checkout's page, and is
// signed in on return only if the purchase created their account, in the
// browser that paid. An existing account's address gets the subscription
// but no way in without confirming the address. The welcome emails. And what
// a forged cookie, another browser or a bad `from` get: nothing.
import { expect, test, type Page } from "@playwright/test";
import { SUCCEEDING_CARD, checkoutUrlPattern, payWith } from "./checkout";
import { gatedArticle, markerArticle } from "./fixtures";
import { mailsTo, waitForMails } from "./maildev";
import { me } from "./reader-api";
import { createReader, startSession } from "./sessions";
import { confirmLink, isSignInMail, latestLinkFor, signIn, uniqueEmail } from "./sign-in";

const WEBHOOK_TIMEOUT_MS = 20_000;

/** The last paragraph of each article: only a reader with access sees it. */
const LAST_PARAGRAPH = {
  [gatedArticle.slug]: "That number would leave room for seasonal demand without flooding the market.",
  [markerArticle.slug]: "The delay pushes the decision past the regional elections.",
};

/** From the article's paywall panel to Stripe's Checkout page, choosing the monthly plan. */
async function subscribeFromArticle(page: Page, slug: string): Promise<void> {
  await page.goto(`/articles/${slug}`);
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await panel.getByRole("link", { name: /^subscribe/i }).click();
  await page.waitForURL((url) => url.pathname === "/subscribe" && url.searchParams.get("from") === slug);
  await page.getByRole("button", { name: "Subscribe monthly" }).click();
  await page.waitForURL(checkoutUrlPattern());
}

async function expectWholeArticle(page: Page, slug: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/articles/${slug}$`), { timeout: WEBHOOK_TIMEOUT_MS });
  await expect(page.getByText(LAST_PARAGRAPH[slug]!)).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Continue reading" })).toHaveCount(0);
}

test(
  "a signed-in reader subscribes from a gated article and lands on it, whole",
  { tag: "@smoke" },
  async ({ page }, testInfo) => {
    const reader = await startSession(page.context(), uniqueEmail(testInfo, "from-article"));
    await page.goto(`/subscribe?from=${gatedArticle.slug}`);
    // A signed-in reader has their free articles already: no "Not ready? Sign in".
    await expect(page.getByText("Not ready?")).toHaveCount(0);

    await subscribeFromArticle(page, gatedArticle.slug);
    await expect(page.locator("#email")).toHaveValue(reader.email);
    await payWith(page, SUCCEEDING_CARD);
    await expectWholeArticle(page, gatedArticle.slug);
    expect(await me(page.request)).toMatchObject({ signedIn: true, email: reader.email, plan: "all-access" });
  },
);

test("a visitor pays with a new address, is signed in on return and reads the article whole", async ({
  page,
  browser,
}, testInfo) => {
  const email = uniqueEmail(testInfo, "visitor-new");
  await page.goto("/subscribe");
  await expect(page.getByText("Not ready?")).toBeVisible();

  await subscribeFromArticle(page, markerArticle.slug);
  let returnUrl = "";
  page.on("request", (request) => {
    if (request.url().includes("/subscribe/return?session_id=")) returnUrl ||= request.url();
  });
  await payWith(page, SUCCEEDING_CARD, email);
  await expectWholeArticle(page, markerArticle.slug);
  expect(await me(page.request)).toMatchObject({ signedIn: true, email, plan: "all-access" });

  // The same return in another browser, with a forged nonce cookie: not signed in, told how to sign in.
  expect(returnUrl).toMatch(/session_id=cs_/);
  const other = await browser.newContext();
  try {
    await other.addCookies([
      { name: "folio-checkout-nonce", value: "forged-nonce", url: new URL(returnUrl).origin, httpOnly: true },
    ]);
    const stranger = await other.newPage();
    const response = await stranger.goto(returnUrl);
    expect(response?.status()).toBe(200);
    await expect(stranger.getByText("sign in with the email address you paid with")).toBeVisible();
    expect(await me(stranger.request)).toEqual({ signedIn: false });
    // Copying the real browser's link later signs nobody in either: the return was single use.
    await stranger.goto(returnUrl);
    expect(await me(stranger.request)).toEqual({ signedIn: false });
  } finally {
    await other.close();
  }

  // The welcome to the new subscriber.
  const [welcome] = (await waitForMails(email, 1)).filter((mail) => mail.subject.startsWith("Welcome to All-Access"));
  expect(welcome?.text).toContain("All-Access, monthly, $12.00 a month");
  expect(welcome?.text).toMatch(/renews on \d{1,2} \w+ \d{4}/);
  expect(welcome?.text).toContain("/account");
});

test("a visitor paying with an existing account's address is not signed in until the address is confirmed", async ({
  page,
  browser,
}, testInfo) => {
  const email = uniqueEmail(testInfo, "visitor-existing");
  await createReader(email);

  await subscribeFromArticle(page, markerArticle.slug);
  await payWith(page, SUCCEEDING_CARD, email);
  await page.waitForURL((url) => url.searchParams.get("status") === "confirm-email", { timeout: WEBHOOK_TIMEOUT_MS });
  await expect(page.getByText("already has an account")).toBeVisible();
  expect(await me(page.request)).toEqual({ signedIn: false });
  await page.goto(`/articles/${markerArticle.slug}`);
  await expect(page.getByText(LAST_PARAGRAPH[markerArticle.slug]!)).toHaveCount(0);

  // The subscription is on the existing account: its owner, signed in elsewhere, has All-Access.
  const owner = await browser.newContext();
  try {
    const ownerPage = await owner.newPage();
    await startSession(owner, email);
    await ownerPage.goto("/account");
    await expect(ownerPage.getByRole("region", { name: "Plan" })).toContainText("All-Access");
  } finally {
    await owner.close();
  }

  // Confirming the address with the emailed link signs the payer in, back on the article.
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get("status") === "confirm-email");
  const before = (await mailsTo(email, isSignInMail)).length;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const landedOn = await confirmLink(page, await latestLinkFor(email, { count: before + 1 }));
  expect(landedOn.pathname).toBe(`/articles/${markerArticle.slug}`);
  await expectWholeArticle(page, markerArticle.slug);
});

test("bad returns and a bad `from` change nothing and answer no error", async ({ page }) => {
  for (const sessionId of ["garbage", "cs_test_doesnotexist", "cs_<script>alert(1)</script>", ""]) {
    const response = await page.goto(`/subscribe/return?session_id=${encodeURIComponent(sessionId)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "We could not find that checkout" })).toBeVisible();
    expect(await me(page.request)).toEqual({ signedIn: false });
  }

  // An off-site `from` is dropped: Checkout's cancel leads back to plain /subscribe.
  for (const from of ["https://evil.example/articles/x", "//evil.example", "Not A Slug"]) {
    const response = await page.goto(`/subscribe?from=${encodeURIComponent(from)}`);
    expect(response?.status()).toBe(200);
  }
  await page.getByRole("button", { name: "Subscribe monthly" }).click();
  await page.waitForURL(checkoutUrlPattern());
  const cancel = page.getByRole("link", { name: "Cancel" });
  expect(await cancel.getAttribute("href")).toMatch(/\/subscribe\?canceled=1$/);
  await cancel.click();
  await expect(page.getByText("Checkout was cancelled; nothing was charged.")).toBeVisible();

  // A real article: cancelling goes back to /subscribe for it, with a way back to the article.
  await subscribeFromArticle(page, markerArticle.slug);
  await page.getByRole("link", { name: "Cancel" }).click();
  await page.waitForURL((url) => url.searchParams.get("from") === markerArticle.slug);
  await page.getByRole("link", { name: "Back to where you were reading" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${markerArticle.slug}$`));
});

test("a reader's first sign-in brings a welcome: three free articles, the free newsletter and its unsubscribe link", async ({
  page,
}, testInfo) => {
  const email = uniqueEmail(testInfo, "registered");
  await signIn(page, email, { from: gatedArticle.slug });
  await expect
    .poll(async () => (await mailsTo(email)).filter((mail) => mail.subject === "Welcome to The Folio Review").length, {
      timeout: 15_000,
    })
    .toBe(1);
  const welcome = (await mailsTo(email)).find((mail) => mail.subject === "Welcome to The Folio Review")!;
  expect(welcome.text).toContain("3 articles of your choice");
  expect(welcome.text).toContain("free newsletter");
  const unsubscribe = welcome.text.match(/https?:\/\/\S+\/unsubscribe\/\S+/)?.[0];
  expect(unsubscribe).toBeTruthy();
  await page.goto(unsubscribe!);
  await page.getByRole("button", { name: /^Unsubscribe from / }).click();
  await expect(page.getByRole("heading", { name: /^You are unsubscribed from / })).toBeVisible();
});
