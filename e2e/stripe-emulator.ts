// The test run's Stripe emulator (started by scripts/test.ts), as tests drive
// it: its test controls (/_emulator/*: the clock, failed payments, held
// webhooks) and the few API reads a test needs to check what "Stripe" holds.
// Its clock and webhook queue are shared by every test, so the tests that
// move or hold them run one after another (see subscription.spec.ts).
import { sql } from "./database";

/** Stripe's list envelope. */
type List<T> = { object: "list"; data: T[]; has_more: boolean };

export type CheckoutSession = { id: string; status: string; customer: string | null; subscription: string | null };
export type Subscription = {
  id: string;
  status: string;
  cancel_at: number | null;
  trial_end: number | null;
  latest_invoice: string | null;
  items: { data: { current_period_end: number }[] };
};

export type Invoice = { id: string; status: string; total: number; amount_paid: number };
export type PromotionCode = { id: string; code: string; active: boolean; expires_at: number | null };

/** More than any month: advancing by this passes the end of a monthly period. */
export const PAST_A_MONTHLY_PERIOD_SECONDS = 32 * 24 * 3600;

export function stripeUrl(): string {
  const url = process.env.STRIPE_API_URL;
  if (!url) throw new Error("STRIPE_API_URL is not set: run the end-to-end tests through `npm run test:e2e`");
  return url.replace(/\/+$/, "");
}

function apiKey(): string {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: run the end-to-end tests through `npm run test:e2e`");
  return key;
}

/** One call with the run's API key; the emulator takes JSON bodies on every route. */
async function call<T>(method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${stripeUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiKey()}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Stripe emulator: ${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Moves the emulator's clock on; renewals and cancellations that come due happen, with their webhooks. */
export function advanceClock(seconds: number): Promise<{ now: number; events: string[] }> {
  return call("POST", "/_emulator/clock/advance", { seconds });
}

/** The customer's next renewal fails: the subscription turns past_due. */
export async function failNextPayment(customer: string): Promise<void> {
  await call("POST", `/_emulator/customers/${customer}/fail-next-payment`);
}

/**
 * Runs `action` with webhook deliveries held, then releases them (also when
 * `action` fails, so no later test waits for webhooks that never come).
 */
export async function withWebhooksHeld<T>(action: () => Promise<T>): Promise<T> {
  await call("POST", "/_emulator/webhooks/pause");
  try {
    return await action();
  } finally {
    await call("POST", "/_emulator/webhooks/resume");
  }
}

export async function checkoutSessionsOf(customer: string): Promise<CheckoutSession[]> {
  const query = new URLSearchParams({ customer, limit: "100" });
  return (await call<List<CheckoutSession>>("GET", `/v1/checkout/sessions?${query}`)).data;
}

export async function subscriptionsOf(customer: string): Promise<Subscription[]> {
  const query = new URLSearchParams({ customer, status: "all", limit: "100" });
  return (await call<List<Subscription>>("GET", `/v1/subscriptions?${query}`)).data;
}

/** The customer's only subscription (tests give each reader at most one). */
export async function onlySubscriptionOf(customer: string): Promise<Subscription> {
  const subscriptions = await subscriptionsOf(customer);
  if (subscriptions.length !== 1) {
    throw new Error(`expected one subscription for ${customer}, found ${subscriptions.length}`);
  }
  return subscriptions[0]!;
}

/** Cancels at the end of the paid period, as "Cancel plan" in the portal does. */
export async function cancelAtPeriodEnd(subscription: string): Promise<void> {
  await call("POST", `/v1/subscriptions/${subscription}`, { cancel_at_period_end: true });
}

/** The end of the subscription's current period, as a date. */
export function periodEndOf(subscription: Subscription): Date {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${subscription.id} has no items`);
  return new Date(item.current_period_end * 1000);
}

/** The Stripe customer Folio made for the reader (at their first checkout), or null. */
export async function customerIdOf(email: string): Promise<string | null> {
  const [user] = await sql<{ stripe_customer_id: string | null }>(
    "SELECT stripe_customer_id FROM users WHERE email = $1",
    [email],
  );
  return user?.stripe_customer_id ?? null;
}

/** How many subscriptions Folio has stored for the reader. */
export async function storedSubscriptionCount(email: string): Promise<number> {
  const [row] = await sql<{ count: string }>(
    "SELECT count(*) FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
    [email],
  );
  return Number(row?.count ?? 0);
}

/** The emulator's clock, in Unix seconds (ahead of the real one once a test advanced it). */
export async function emulatorNow(): Promise<number> {
  return (await call<{ now: number }>("GET", "/_emulator/clock")).now;
}

/**
 * A coupon and a promotion code for it, as a publisher makes them in Stripe's
 * dashboard: `promotion` takes the code's own fields (code, expires_at,
 * max_redemptions, metadata such as Folio's trial_days, restrictions).
 */
export async function createPromotionCode(
  coupon: Record<string, unknown>,
  promotion: Record<string, unknown>,
): Promise<PromotionCode> {
  const created = await call<{ id: string }>("POST", "/v1/coupons", coupon);
  return call<PromotionCode>("POST", "/v1/promotion_codes", {
    ...promotion,
    promotion: { type: "coupon", coupon: created.id },
  });
}

/** The subscription's latest invoice (its first, right after Checkout). */
export async function latestInvoiceOf(subscription: Subscription): Promise<Invoice> {
  if (!subscription.latest_invoice) throw new Error(`subscription ${subscription.id} has no invoice`);
  return call<Invoice>("GET", `/v1/invoices/${subscription.latest_invoice}`);
}
