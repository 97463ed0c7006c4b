// A signed-in reader without a sign-in email: the user and an Auth.js
// database session are written directly, and the browser context gets the
// session cookie. For tests whose subject is what a signed-in reader may do,
// not how one signs in (that is sign-in.spec.ts); it keeps them clear of the
// per-IP limit on link requests.
import { randomBytes } from "node:crypto";
import { test, type BrowserContext } from "@playwright/test";
import { sql } from "./database";

// Auth.js's cookie name over plain http (the tests' server is http://localhost).
const SESSION_COOKIE = "authjs.session-token";

export type TestReader = { id: string; email: string };

/** The reader with this address, created as a first sign-in would if new. */
export async function createReader(email: string): Promise<TestReader> {
  const [user] = await sql<{ id: string }>(
    `INSERT INTO users (email, email_verified) VALUES ($1, now())
     ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
    [email],
  );
  return { id: user!.id, email };
}

/** Creates the reader (if new) and a session for it, as long as Auth.js makes one at sign-in, and signs `context` in. */
export async function startSession(context: BrowserContext, email: string): Promise<TestReader> {
  const reader = await createReader(email);
  const sessionToken = randomBytes(32).toString("hex");
  await sql("INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '30 days')", [
    sessionToken,
    reader.id,
  ]);
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  await context.addCookies([
    { name: SESSION_COOKIE, value: sessionToken, url: baseURL, httpOnly: true, sameSite: "Lax" },
  ]);
  return reader;
}

/** An active monthly subscription for the reader, as the webhook would have stored it. */
export async function storeSubscription(userId: string): Promise<void> {
  const id = `sub_test_${randomBytes(6).toString("hex")}`;
  await sql(
    `INSERT INTO subscriptions (id, user_id, customer_id, status, price_id, plan, current_period_end)
     VALUES ($1, $2, $3, 'active', 'price_test', 'monthly', now() + interval '30 days')`,
    [id, userId, `cus_${id}`],
  );
}
