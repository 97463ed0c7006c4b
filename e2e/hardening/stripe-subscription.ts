// A paid All-Access subscription in the run's Stripe emulator for a reader of
// a test's own database, and its events signed as Stripe signs webhooks, so
// that a test can deliver them to its own server when it chooses.
import { createHmac } from "node:crypto";
import { stripeUrl } from "../stripe-emulator";

export type StripeEvent = { id: string; type: string; data: { object: { id?: string; customer?: string | null } } };

async function call<T>(method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${stripeUrl()}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}`,
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Stripe emulator: ${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Buys the monthly plan for the reader; returns the customer id (to be stored on the reader). */
export async function buyMonthlyAtEmulator(reader: { id: string; email: string }): Promise<{ customerId: string }> {
  const prices = await call<{ data: { id: string; lookup_key: string | null }[] }>("GET", "/v1/prices?limit=100");
  const monthly = prices.data.find(
    (price) => price.lookup_key === (process.env.STRIPE_MONTHLY_LOOKUP_KEY ?? "all_access_monthly"),
  );
  if (!monthly) throw new Error("the emulator has no monthly price");
  const customer = await call<{ id: string }>("POST", "/v1/customers", {
    email: reader.email,
    metadata: { userId: reader.id },
  });
  const session = await call<{ id: string; url: string }>("POST", "/v1/checkout/sessions", {
    mode: "subscription",
    customer: customer.id,
    client_reference_id: reader.id,
    line_items: [{ price: monthly.id, quantity: 1 }],
    subscription_data: { metadata: { userId: reader.id } },
    success_url: "http://localhost/subscribe/success?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost/subscribe",
  });
  const paid = await fetch(session.url, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      email: reader.email,
      cardNumber: "4242 4242 4242 4242",
      cardExpiry: "12/30",
      cardCvc: "123",
    }),
  });
  if (paid.status !== 303) throw new Error(`checkout did not complete: ${paid.status}`);
  return { customerId: customer.id };
}

/** The emulator's events about the customer, oldest first. */
export async function eventsOfCustomer(customerId: string): Promise<StripeEvent[]> {
  const events = await call<{ data: (StripeEvent & { created: number })[] }>("GET", "/v1/events?limit=100");
  return events.data
    .filter((event) => event.data.object.customer === customerId || event.data.object.id === customerId)
    .sort((a, b) => a.created - b.created);
}

/** A webhook request body and headers, signed with the run's webhook secret. */
export function signedWebhook(event: StripeEvent): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", process.env.STRIPE_WEBHOOK_SECRET!)
    .update(`${timestamp}.${body}`)
    .digest("hex");
  return {
    body,
    headers: { "content-type": "application/json", "stripe-signature": `t=${timestamp},v1=${signature}` },
  };
}
