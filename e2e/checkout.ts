// Buying All-Access as a reader does: from /subscribe to the emulator's hosted
// Checkout page (scripts/stripe-emulator/hosted-checkout-page.ts), paying with
// one of Stripe's test cards. The emulator sends the app's webhooks itself.
import { expect, type Page } from "@playwright/test";
import { stripeUrl } from "./stripe-emulator";

export const SUCCEEDING_CARD = "4242 4242 4242 4242";
export const DECLINED_CARD = "4000 0000 0000 0002";

export type PlanChoice = "monthly" | "annual";

/** The hosted Checkout page's address, whose last segment is the session id. */
export function checkoutUrlPattern(): RegExp {
  const escaped = stripeUrl().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}/checkout/cs_[A-Za-z0-9_]+$`);
}

/** From /subscribe (or `path`, a page with the plans), chooses the plan and waits for the hosted Checkout page. */
export async function openCheckout(page: Page, plan: PlanChoice = "monthly", path = "/subscribe"): Promise<void> {
  await page.goto(path);
  await page.getByRole("button", { name: `Subscribe ${plan}` }).click();
  await page.waitForURL(checkoutUrlPattern());
  await expect(page.getByRole("heading", { level: 1, name: /^Subscribe to / })).toBeVisible();
}

/**
 * Fills the hosted Checkout form with `card` and submits it; the caller checks
 * where that led. `email`: a visitor's address, typed on Checkout's page; a
 * signed-in reader's is their own, chosen by the app, and read-only.
 */
export async function payWith(page: Page, card: string, email?: string): Promise<void> {
  if (email === undefined) {
    await expect(page.locator("#email")).toHaveAttribute("readonly", "");
  } else {
    await expect(page.locator("#email")).not.toHaveAttribute("readonly", "");
    await page.locator("#email").fill(email);
  }
  await page.locator("#cardNumber").fill(card);
  await page.locator("#cardExpiry").fill("12 / 34");
  await page.locator("#cardCvc").fill("123");
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
}

/**
 * Subscribes the signed-in reader on `page` with the succeeding card and
 * waits until the return from Checkout has landed on /account, where a
 * subscription bought from /subscribe itself leads (the success page asks
 * again every two seconds until the webhook has landed).
 */
export async function subscribe(page: Page, plan: PlanChoice = "monthly"): Promise<void> {
  await openCheckout(page, plan);
  await payWith(page, SUCCEEDING_CARD);
  await page.waitForURL((url) => url.pathname === "/account", { timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Plan" })).toContainText("All-Access");
}
