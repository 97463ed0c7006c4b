// All-Access through Stripe (the run's emulator): buying it on the hosted
// Checkout page, reading as a subscriber, cancelling in the hosted portal,
// a declined card, a failed renewal, a double click, and what a reader whose
// subscription ended may no longer see. Access follows the webhooks, so
// every change is waited for by polling what the site shows.
import { expect, test, type Page } from "@playwright/test";
import { DECLINED_CARD, SUCCEEDING_CARD, checkoutUrlPattern, openCheckout, payWith, subscribe } from "./checkout";
import {
  CUT_GATED_SENTENCE,
  GATED_SENTENCE,
  gatedArticle,
  markerArticle,
  meterArticles,
  type GatedFixture,
} from "./fixtures";
import { inWords } from "./meter-reset";
import { untilCached } from "./page-cache";
import { me } from "./reader-api";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";
import {
  PAST_A_MONTHLY_PERIOD_SECONDS,
  advanceClock,
  cancelAtPeriodEnd,
  checkoutSessionsOf,
  customerIdOf,
  failNextPayment,
  onlySubscriptionOf,
  periodEndOf,
  storedSubscriptionCount,
  stripeUrl,
  subscriptionsOf,
  withWebhooksHeld,
} from "./stripe-emulator";

// The emulator's clock and webhook queue are shared: a test that moves the
// clock would end or renew another test's subscription mid-test. So this
// file's tests run one after another, in one worker (other files do not
// touch Stripe and still run beside them).
test.describe.configure({ mode: "default" });

/** A gated article no test of this file unlocks: whole only for a subscriber. */
const article: GatedFixture = meterArticles[3];

const WEBHOOK_TIMEOUT_MS = 20_000;

function portalUrlPattern(): RegExp {
  const escaped = stripeUrl().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}/portal/bps_[A-Za-z0-9_]+$`);
}

/** The reader's Stripe customer, which Folio stores at the first checkout. */
async function customerOf(email: string): Promise<string> {
  const customer = await customerIdOf(email);
  if (!customer) throw new Error(`no Stripe customer is stored for ${email}`);
  return customer;
}

/** Reloads `path` until `check` passes: for what changes when a webhook lands. */
async function untilWebhookLanded(page: Page, path: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: WEBHOOK_TIMEOUT_MS });
}

/** A subscriber's view: the whole text, no paywall panel, no promotion, no Subscribe button. */
async function expectReadsWhole(page: Page, fixture: GatedFixture): Promise<void> {
  await page.goto(`/articles/${fixture.slug}`);
  await expect(page.locator(".gated-section")).toContainText(fixture.gatedSentence);
  await expect(page.getByRole("complementary", { name: "Continue reading" })).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Promotion" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Subscribe" })).toHaveCount(
    0,
  );
}

/**
 * A reader on the free tier with articles left: the preview, the offer to
 * spend one (and no second offer under it), Subscribe in the masthead.
 */
async function expectMeter(page: Page, fixture: GatedFixture): Promise<void> {
  await page.goto(`/articles/${fixture.slug}`);
  const panel = page.getByRole("complementary", { name: "Continue reading" });
  await expect(panel.getByRole("button", { name: "Read this article" })).toBeVisible();
  await expect(page.locator(".gated-section")).toHaveCount(0);
  await expect(page.getByText(fixture.gatedSentence)).toHaveCount(0);
  await expect(page.getByRole("complementary", { name: "Promotion" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Subscribe" }),
  ).toBeVisible();
}

function planSection(page: Page) {
  return page.getByRole("region", { name: "Plan" });
}

test(
  "a reader subscribes monthly, reads everything, cancels, and meets the meter again when the period ends",
  { tag: "@smoke" },
  async ({ page }, testInfo) => {
    test.slow();
    const reader = await startSession(page.context(), uniqueEmail(testInfo, "subscriber"));

    await page.goto("/subscribe");
    const monthly = page.getByRole("region", { name: "Monthly" });
    const annual = page.getByRole("region", { name: "Annual" });
    await expect(monthly).toContainText("$12.00 a month");
    await expect(annual).toContainText("$120.00 a year");
    await expect(annual.getByRole("button", { name: "Subscribe annual" })).toBeVisible();

    await openCheckout(page, "monthly");
    await expect(page.locator("#email")).toHaveValue(reader.email);
    // Webhooks are held while paying, so the success page is seen before the
    // webhook lands: it must not grant anything by itself.
    await withWebhooksHeld(async () => {
      await payWith(page, SUCCEEDING_CARD);
      await page.waitForURL(/^http:\/\/localhost:\d+\/subscribe\/success\?session_id=cs_/);
      await expect(page.getByRole("heading", { level: 1, name: "Confirming your payment…" })).toBeVisible();
      expect(await me(page.request)).toMatchObject({ plan: "free" });
    });
    // Bought from /subscribe itself: the page moves on to the account once the webhook landed.
    await page.waitForURL((url) => url.pathname === "/account", { timeout: WEBHOOK_TIMEOUT_MS });

    await expectReadsWhole(page, article);
    expect(await me(page.request)).toMatchObject({ signedIn: true, plan: "all-access" });
    await page.goto("/");
    await expect(page.getByRole("complementary", { name: "Promotion" })).toHaveCount(0);
    await page.goto("/subscribe");
    await expect(page.getByText("You are an All-Access subscriber")).toBeVisible();
    await expect(page.getByRole("button", { name: "Manage billing" })).toBeVisible();

    const periodEnd = periodEndOf(await onlySubscriptionOf(await customerOf(reader.email)));
    await page.goto("/account");
    await expect(planSection(page)).toContainText("All-Access, monthly · status active");
    await expect(planSection(page)).toContainText(`Renews on ${inWords(periodEnd)}.`);

    await planSection(page).getByRole("button", { name: "Manage billing" }).click();
    await page.waitForURL(portalUrlPattern());
    await page.getByRole("button", { name: "Cancel plan" }).click();
    await expect(page.getByRole("button", { name: "Resume plan" })).toBeVisible();
    await page.getByRole("link", { name: /^Return to / }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await untilWebhookLanded(page, "/account", () =>
      expect(planSection(page)).toContainText(`Cancels on ${inWords(periodEnd)}; you read everything until then.`, {
        timeout: 1_000,
      }),
    );
    // Cancelled at the period's end: the period paid for is still theirs.
    await expectReadsWhole(page, article);
    expect(await me(page.request)).toMatchObject({ plan: "all-access" });

    await advanceClock(PAST_A_MONTHLY_PERIOD_SECONDS);
    await expect
      .poll(() => me(page.request), { timeout: WEBHOOK_TIMEOUT_MS })
      .toMatchObject({ plan: "free", freeArticles: { used: 0, remaining: 3 } });
    await expectMeter(page, article);
    await page.goto("/");
    await expect(page.getByRole("complementary", { name: "Promotion" })).toBeVisible();
    await page.goto("/account");
    await expect(planSection(page)).toContainText("Free tier.");
  },
);

test("a declined card leaves the reader on the meter, told why", async ({ page }, testInfo) => {
  const reader = await startSession(page.context(), uniqueEmail(testInfo, "declined"));
  await openCheckout(page, "monthly");
  await payWith(page, DECLINED_CARD);
  await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
  await expect(page).toHaveURL(checkoutUrlPattern());

  expect(await me(page.request)).toMatchObject({
    signedIn: true,
    plan: "free",
    freeArticles: { used: 0, remaining: 3 },
  });
  expect(await subscriptionsOf(await customerOf(reader.email))).toEqual([]);
  expect(await storedSubscriptionCount(reader.email)).toBe(0);
  await expectMeter(page, article);
  await page.goto("/account");
  await expect(planSection(page)).toContainText("Free tier.");
});

test("an anonymous visitor chooses a plan first, and gives the address at checkout", async ({ page }) => {
  await page.goto("/subscribe");
  await expect(page.getByRole("region", { name: "Monthly" })).toContainText("$12.00 a month");
  await expect(page.getByRole("region", { name: "Annual" })).toContainText("$120.00 a year");
  await expect(page.getByRole("button", { name: "Subscribe monthly" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Subscribe annual" })).toBeVisible();
  await expect(page.getByText("You give your email address at checkout")).toBeVisible();
  await expect(page.getByRole("button", { name: "Manage billing" })).toHaveCount(0);
});

test("a failed renewal keeps the reader reading during the grace period, and the account says so", async ({
  page,
}, testInfo) => {
  test.slow();
  const reader = await startSession(page.context(), uniqueEmail(testInfo, "past-due"));
  await subscribe(page, "monthly");
  const customer = await customerOf(reader.email);

  await failNextPayment(customer);
  await advanceClock(PAST_A_MONTHLY_PERIOD_SECONDS);
  expect((await onlySubscriptionOf(customer)).status).toBe("past_due");
  await untilWebhookLanded(page, "/account", () =>
    expect(planSection(page)).toContainText("All-Access, monthly · status past due", { timeout: 1_000 }),
  );
  await expect(planSection(page)).toContainText("Your last payment did not go through.");
  await expect(planSection(page).getByRole("button", { name: "Manage billing" })).toBeVisible();

  await expectReadsWhole(page, article);
  expect(await me(page.request)).toMatchObject({ plan: "all-access" });
});

test("a double click on Subscribe monthly makes one checkout session", async ({ page }, testInfo) => {
  const reader = await startSession(page.context(), uniqueEmail(testInfo, "double-click"));
  // Every server-action post the clicks make, settled or not.
  const actionPosts: Promise<unknown>[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) {
      actionPosts.push(request.response().catch(() => null));
    }
  });
  await page.goto("/subscribe");
  await page.getByRole("button", { name: "Subscribe monthly" }).dblclick();
  await page.waitForURL(checkoutUrlPattern());
  await Promise.all(actionPosts);
  expect(actionPosts.length).toBeGreaterThanOrEqual(1);

  const sessions = await checkoutSessionsOf(await customerOf(reader.email));
  expect(sessions.map((session) => session.id)).toEqual([page.url().split("/").at(-1)]);
  expect(sessions[0]!.status).toBe("open");
});

test("a reader whose subscription ended gets no gated text of an article they never unlocked, from the next request on", async ({
  page,
}, testInfo) => {
  test.slow();
  const reader = await startSession(page.context(), uniqueEmail(testInfo, "lapsed"));
  await subscribe(page, "monthly");
  // Read as a subscriber first, until the server keeps the page for subscribers
  // (server/reader-pages.ts): the lapse must reach the next request all the same.
  await untilCached(async () => {
    const response = await page.request.get(`/articles/${gatedArticle.slug}`);
    expect(await response.text()).toContain(GATED_SENTENCE);
    return response;
  }, "the subscriber's page is kept");
  const customer = await customerOf(reader.email);
  await cancelAtPeriodEnd((await onlySubscriptionOf(customer)).id);
  await advanceClock(PAST_A_MONTHLY_PERIOD_SECONDS);
  expect((await onlySubscriptionOf(customer)).status).toBe("canceled");
  await expect
    .poll(() => me(page.request), { timeout: WEBHOOK_TIMEOUT_MS })
    .toMatchObject({ plan: "free", freeArticles: { used: 0 } });

  for (const [fixture, sentence] of [
    [gatedArticle, GATED_SENTENCE],
    [markerArticle, CUT_GATED_SENTENCE],
  ] as const) {
    const path = `/articles/${fixture.slug}`;
    for (const [surface, headers] of [
      ["page HTML", {}],
      ["RSC payload", { RSC: "1" }],
    ] as const) {
      const response = await page.request.get(path, { headers });
      expect(response.status(), `${fixture.slug}: ${surface}`).toBe(200);
      const text = await response.text();
      expect(text, `${fixture.slug}: ${surface}`).toContain(fixture.title);
      for (const trace of [sentence, sentence.split(" ").at(-1)!]) {
        expect(text, `${fixture.slug}: ${surface}`).not.toContain(trace);
      }
    }
  }
});

test("the webhook endpoint refuses a request without a valid Stripe signature", async ({ request }) => {
  const body = JSON.stringify({ id: "evt_forged", type: "customer.subscription.updated", data: { object: {} } });
  const unsigned = await request.post("/api/stripe/webhook", {
    data: body,
    headers: { "Content-Type": "application/json" },
  });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post("/api/stripe/webhook", {
    data: body,
    headers: {
      "Content-Type": "application/json",
      "Stripe-Signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
    },
  });
  expect(forged.status()).toBe(400);
});
