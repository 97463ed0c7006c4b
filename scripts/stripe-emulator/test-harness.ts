// Helpers for the emulator's own tests: an emulator on a free port with an
// SDK client pointed at it, a webhook receiver that verifies every delivery
// with the SDK's constructEvent, and the hosted Checkout form posted like a
// browser would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from "./start-stripe-emulator";

export const webhookSecret = "whsec_emulator_test_secret";

export type TestEmulator = {
  emulator: StripeEmulator;
  stripe: Stripe;
  /** Calls a test control (/_emulator/...) with JSON. */
  control<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<T>;
};

export async function startTestEmulator(options: Partial<StripeEmulatorOptions> = {}): Promise<TestEmulator> {
  const emulator = await startStripeEmulator({ webhookSecret, retryDelaysMs: [50, 100, 200], ...options });
  const stripe = new Stripe("sk_test_emulator", { host: "127.0.0.1", port: emulator.port, protocol: "http" });
  async function control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { Authorization: "Bearer sk_test_emulator", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }
  return { emulator, stripe, control };
}

/** The object of an expanded field; fails the test if the field was not expanded. */
export function expanded<T extends { id: string }>(value: string | T | null | undefined): T {
  if (value === null || value === undefined || typeof value === "string")
    throw new Error(`expected an expanded object, got ${value}`);
  return value;
}

/** The error a Stripe call threw; fails the test if the call succeeded or threw something else. */
export async function caught(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** Submits the hosted Checkout form; the response is not followed, so a success is a 303. */
export function payCheckout(sessionUrl: string, card = "4242 4242 4242 4242", email?: string): Promise<Response> {
  const form = new URLSearchParams({ cardNumber: card, cardExpiry: "12 / 34", cardCvc: "123" });
  if (email) form.set("email", email);
  return fetch(sessionUrl, { method: "POST", body: form, redirect: "manual" });
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export type ReceivedWebhook = { event: Stripe.Event; rawBody: string; signature: string; status: number };

export type WebhookReceiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Signature failures: must stay empty. */
  rejected: string[];
  /** Decides the status of each delivery; 200 unless set. */
  respondWith(status: (event: Stripe.Event, delivery: number) => number): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(stripe: Stripe, secret = webhookSecret): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const rejected: string[] = [];
  let decide: (event: Stripe.Event, delivery: number) => number = () => 200;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const signature = String(request.headers["stripe-signature"] ?? "");
      try {
        const event = stripe.webhooks.constructEvent(rawBody, signature, secret);
        const status = decide(event, received.filter((entry) => entry.event.id === event.id).length + 1);
        received.push({ event, rawBody, signature, status });
        response.writeHead(status).end();
      } catch (error) {
        rejected.push((error as Error).message);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    rejected,
    respondWith: (status) => {
      decide = status;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Creates a customer and pays a Checkout Session for them; returns the subscription. */
export async function subscribe(
  stripe: Stripe,
  lookupKey: "all_access_monthly" | "all_access_annual" = "all_access_monthly",
  email = `reader-${Math.random().toString(36).slice(2)}@example.com`,
): Promise<{ customer: Stripe.Customer; subscription: Stripe.Subscription; session: Stripe.Checkout.Session }> {
  const customer = await stripe.customers.create({ email });
  const prices = await stripe.prices.list({ lookup_keys: [lookupKey] });
  const price = prices.data[0]!;
  const created = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: "http://localhost:3000/account?session={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3000/subscribe",
  });
  const response = await payCheckout(created.url!);
  if (response.status !== 303) throw new Error(`checkout failed with ${response.status}: ${await response.text()}`);
  const session = await stripe.checkout.sessions.retrieve(created.id, { expand: ["subscription"] });
  return { customer, subscription: expanded(session.subscription), session };
}
