// Offer links and free trials (issue 23), as a buyer meets them: the terms
// stated on /subscribe before payment, the emulator's hosted Checkout page
// applying them, codes that cannot be had refused with a sentence over the
// plain plans, and a trial shown on /account with its end, before and after
// it is cancelled. The emulator's clock is never moved here (other files
// move it): trials are long enough to outlast their moves.
import { expect, test, type Page } from "@playwright/test";
import { SUCCEEDING_CARD, checkoutUrlPattern, payWith } from "./checkout";
import { meterArticles } from "./fixtures";
import { inWords } from "./meter-reset";
import { startSession } from "./sessions";
import { uniqueEmail } from "./sign-in";
import {
  createPromotionCode,
  customerIdOf,
  emulatorNow,
  latestInvoiceOf,
  onlySubscriptionOf,
  stripeUrl,
} from "./stripe-emulator";

const WEBHOOK_TIMEOUT_MS = 20_000;

/** A gated article; a subscriber, trialing or not, reads it whole. */
const article = meterArticles[2];

function suffix(): string {
  return Math.random().toString(36).slice(2, 8).toUpperCase();
}

async function customerOf(email: string): Promise<string> {
  const customer = await customerIdOf(email);
  if (!customer) throw new Error(`no Stripe customer is stored for ${email}`);
  return customer;
}

function planSection(page: Page) {
  return page.getByRole("region", { name: "Plan" });
}

/** The sentence /subscribe says about an offer it refuses (Next.js has a role="alert" of its own). */
function refusal(page: Page) {
  return page.locator("p.form-error[role=alert]");
}

/** The plain plans: both, at their price, with no offer's or trial's terms. */
async function expectPlainPlans(page: Page): Promise<void> {
  await expect(page.getByRole("region", { name: "Monthly" })).toContainText("$12.00 a month");
  await expect(page.getByRole("region", { name: "Annual" })).toContainText("$120.00 a year");
  await expect(page.locator(".plan-terms")).toHaveCount(0);
}

test("an offer link states its terms before payment, and Checkout applies them", async ({ page }, testInfo) => {
  const reader = await startSession(page.context(), uniqueEmail(testInfo, "offer"));
  // Codes ignore case, as on Stripe.
  await page.goto("/subscribe?offer=spring-5");
  await expect(page.getByRole("status").filter({ hasText: "Offer SPRING-5" })).toHaveText(
    "Offer SPRING-5 for the monthly plan: what you pay is stated below, and applied at checkout. See all plans without it",
  );
  const monthly = page.getByRole("region", { name: "Monthly" });
  await expect(monthly.locator(".plan-terms")).toHaveText("$5.00 a month for 3 months, then $12.00 a month");
  // The offer is for the monthly plan only.
  await expect(page.getByRole("region", { name: "Annual" })).toHaveCount(0);

  await monthly.getByRole("button", { name: "Subscribe monthly" }).click();
  await page.waitForURL(checkoutUrlPattern());
  const summary = page.getByRole("region", { name: "Order summary" });
  await expect(summary).toContainText("SPRING-5: $7.00 off for 3 months");
  await expect(summary).toContainText("Due today: $5.00");
  // Applied by the offer: no second code may be typed over it.
  await expect(page.locator("#promotionCode")).toHaveCount(0);
  await payWith(page, SUCCEEDING_CARD);
  await page.waitForURL((url) => url.pathname === "/account", { timeout: WEBHOOK_TIMEOUT_MS });

  const subscription = await onlySubscriptionOf(await customerOf(reader.email));
  expect(await latestInvoiceOf(subscription)).toMatchObject({ status: "paid", total: 500, amount_paid: 500 });
  await expect(planSection(page)).toContainText("All-Access, monthly · status active");
});

test("the offer outlasts a cancelled Checkout and the way to sign in first", async ({ page }) => {
  await page.goto(`/subscribe?from=${article.slug}&offer=SPRING-5`);
  await page.getByRole("button", { name: "Subscribe monthly" }).click();
  await page.waitForURL(checkoutUrlPattern());
  await expect(page.getByRole("region", { name: "Order summary" })).toContainText("Due today: $5.00");
  await page.getByRole("link", { name: "Cancel" }).click();

  await page.waitForURL((url) => url.pathname === "/subscribe" && url.searchParams.get("canceled") === "1");
  expect(new URL(page.url()).searchParams.get("offer")).toBe("SPRING-5");
  await expect(page.getByText("Checkout was cancelled; nothing was charged.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to where you were reading" })).toHaveAttribute(
    "href",
    `/articles/${article.slug}`,
  );
  await expect(page.getByRole("region", { name: "Monthly" }).locator(".plan-terms")).toHaveText(
    "$5.00 a month for 3 months, then $12.00 a month",
  );
  const signIn = page.locator("p", { hasText: "Have an account?" }).getByRole("link", { name: "Sign in" });
  const callback = new URL((await signIn.getAttribute("href"))!, "http://x").searchParams.get("callbackUrl");
  expect(callback).toBe(`/subscribe?from=${article.slug}&offer=SPRING-5`);
});

test("an expired code, an unknown one and a malformed one are refused with a sentence, over the plain plans", async ({
  page,
}) => {
  const code = `E2E-GONE-${suffix()}`;
  const now = await emulatorNow();
  await createPromotionCode({ percent_off: 50, duration: "once" }, { code, expires_at: now + 2 });
  // Stripe's clock (the emulator's) passes the code's end.
  await expect.poll(emulatorNow, { timeout: 10_000 }).toBeGreaterThan(now + 2);

  await page.goto(`/subscribe?offer=${code}`);
  await expect(refusal(page)).toHaveText(
    new RegExp(`^The offer “${code}” (has ended|ended on [^.]+)\\. Here are our plans without it\\.$`),
  );
  await expectPlainPlans(page);
  // Chosen anyway: Checkout at the plain price, with the field to type a code.
  await page.getByRole("button", { name: "Subscribe monthly" }).click();
  await page.waitForURL(checkoutUrlPattern());
  await expect(page.getByRole("region", { name: "Order summary" })).toContainText("Due today: $12.00");
  await expect(page.getByLabel("Promotion code")).toBeVisible();

  await page.goto("/subscribe?offer=NO-SUCH-OFFER");
  await expect(refusal(page)).toHaveText(
    "We do not know the offer code “NO-SUCH-OFFER”. Here are our plans without it.",
  );
  await expectPlainPlans(page);

  for (const bad of ["A".repeat(10_000), "<script>alert(1)</script>", "SPRING 5"]) {
    const response = await page.goto(`/subscribe?offer=${encodeURIComponent(bad)}`);
    expect(response?.status()).toBe(200);
    await expect(refusal(page)).toHaveText(
      "That offer code cannot be right: offer codes are letters, digits and dashes. Here are our plans without it.",
    );
    await expectPlainPlans(page);
  }
});

test("a trial offer: nothing due at Checkout, everything to read, and its end on /account", async ({
  page,
}, testInfo) => {
  test.slow();
  const reader = await startSession(page.context(), uniqueEmail(testInfo, "trial"));
  const code = `E2E-TRIAL-${suffix()}`;
  // Long enough to outlast the other files' moves of the emulator's clock.
  await createPromotionCode(
    { percent_off: 100, duration: "once" },
    {
      code,
      metadata: { trial_days: "180" },
      restrictions: { minimum_amount: 100_000_000, minimum_amount_currency: "usd" },
    },
  );

  await page.goto(`/subscribe?offer=${code}`);
  await expect(page.getByRole("region", { name: "Monthly" }).locator(".plan-terms")).toHaveText(
    "180 days free, then $12.00 a month",
  );
  await expect(page.getByRole("region", { name: "Annual" }).locator(".plan-terms")).toHaveText(
    "180 days free, then $120.00 a year",
  );
  await page.getByRole("button", { name: "Subscribe monthly" }).click();
  await page.waitForURL(checkoutUrlPattern());
  const summary = page.getByRole("region", { name: "Order summary" });
  await expect(summary).toContainText("180 days free, then $12.00 per month");
  await expect(summary).toContainText("Due today: $0.00");
  await payWith(page, SUCCEEDING_CARD);
  await page.waitForURL((url) => url.pathname === "/account", { timeout: WEBHOOK_TIMEOUT_MS });

  const subscription = await onlySubscriptionOf(await customerOf(reader.email));
  expect(subscription.status).toBe("trialing");
  expect(await latestInvoiceOf(subscription)).toMatchObject({ status: "paid", amount_paid: 0 });
  const trialEnd = inWords(new Date(subscription.trial_end! * 1000));
  await expect(planSection(page)).toContainText("All-Access, monthly · status free trial");
  await expect(planSection(page)).toContainText(`Free trial until ${trialEnd}, then $12.00 a month.`);

  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator(".gated-section")).toContainText(article.gatedSentence);
  await expect(page.getByRole("complementary", { name: "Continue reading" })).toHaveCount(0);

  // Cancelled in the portal before its end: nothing will be charged.
  await page.goto("/account");
  await planSection(page).getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL((url) => url.href.startsWith(`${stripeUrl()}/portal/`));
  await expect(page.getByText(`Trial ends on`)).toBeVisible();
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByRole("button", { name: "Resume plan" })).toBeVisible();
  await page.getByRole("link", { name: /^Return to / }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(async () => {
    await page.goto("/account");
    await expect(planSection(page)).toContainText(
      `Free trial ends on ${trialEnd}, nothing will be charged; you read everything until then.`,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: WEBHOOK_TIMEOUT_MS });
  await page.goto(`/articles/${article.slug}`);
  await expect(page.locator(".gated-section")).toContainText(article.gatedSentence);
});
