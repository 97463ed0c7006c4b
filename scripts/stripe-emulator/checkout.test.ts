// Checkout Sessions and the hosted Checkout page, through the real SDK and
// the page's form.
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { expanded, payCheckout, startTestEmulator, type TestEmulator } from "./test-harness";

let t: TestEmulator;
let monthly: Stripe.Price;
beforeAll(async () => {
  t = await startTestEmulator();
  monthly = (await t.stripe.prices.list({ lookup_keys: ["all_access_monthly"] })).data[0]!;
});
afterAll(() => t.emulator.stop());

async function createSession(
  customer: string,
  idempotencyKey?: string,
): Promise<Stripe.Response<Stripe.Checkout.Session>> {
  return t.stripe.checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      client_reference_id: "user_123",
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: "http://localhost:3000/account/welcome?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "http://localhost:3000/subscribe",
      metadata: { userId: "user_123" },
      subscription_data: { metadata: { userId: "user_123" } },
    },
    idempotencyKey ? { idempotencyKey } : undefined,
  );
}

describe("Checkout Sessions", () => {
  it("creates an open subscription session whose url is the hosted page", async () => {
    const customer = await t.stripe.customers.create({ email: "reader@example.com" });
    const session = await createSession(customer.id);
    expectTypeOf(session.status).toEqualTypeOf<Stripe.Checkout.Session.Status | null>();
    expect(session.id).toMatch(/^cs_/);
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      customer: customer.id,
      client_reference_id: "user_123",
      metadata: { userId: "user_123" },
      subscription: null,
      amount_total: 1200,
      currency: "usd",
      livemode: false,
      url: `${t.emulator.url}/checkout/${session.id}`,
    });
  });

  it("returns the same session for a repeated idempotency key", async () => {
    const customer = await t.stripe.customers.create({ email: "twice@example.com" });
    const first = await createSession(customer.id, "checkout-twice");
    const second = await createSession(customer.id, "checkout-twice");
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await t.stripe.checkout.sessions.list({ customer: customer.id })).data).toHaveLength(1);
  });

  it("shows a labelled card form with the plan, price, email and a Cancel link", async () => {
    const customer = await t.stripe.customers.create({ email: "form@example.com" });
    const session = await createSession(customer.id);
    const html = await (await fetch(session.url!)).text();
    for (const label of ["Email", "Card number", "Expiry", "CVC"])
      expect(html).toMatch(new RegExp(`<label for="\\w+">${label}</label>`));
    expect(html).toContain('value="form@example.com"');
    expect(html).toContain("All-Access");
    expect(html).toContain("$12.00 per month");
    expect(html).toContain('<button type="submit">Subscribe</button>');
    expect(html).toContain('<a href="http://localhost:3000/subscribe">Cancel</a>');
  });

  it("pays with 4242: an active subscription, a paid invoice, a complete session and a redirect", async () => {
    const customer = await t.stripe.customers.create({ email: "payer@example.com" });
    const session = await createSession(customer.id);
    const before = (await t.control<{ now: number }>("GET", "/_emulator/clock")).now;
    const response = await payCheckout(session.url!);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/account/welcome?session_id=${session.id}`);

    const paid = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "customer"] });
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid" });
    expect(expanded(paid.customer).id).toBe(customer.id);
    const subscription = expanded(paid.subscription);
    expectTypeOf(subscription).toEqualTypeOf<Stripe.Subscription>();
    expect(subscription).toMatchObject({
      object: "subscription",
      status: "active",
      customer: customer.id,
      metadata: { userId: "user_123" },
    });
    const item = subscription.items.data[0]!;
    expect(item.price.id).toBe(monthly.id);
    expect(item.current_period_start).toBeGreaterThanOrEqual(before);
    const start = new Date(item.current_period_start * 1000);
    const end = new Date(item.current_period_end * 1000);
    expect(end.getUTCMonth()).toBe((start.getUTCMonth() + 1) % 12);

    const withInvoice = await t.stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    const invoice = expanded(withInvoice.latest_invoice);
    const nested = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription.latest_invoice"] });
    expect(expanded(expanded(nested.subscription).latest_invoice).id).toBe(invoice.id);
    expect(invoice).toMatchObject({
      object: "invoice",
      status: "paid",
      amount_paid: 1200,
      billing_reason: "subscription_create",
    });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
    expect((await t.stripe.invoices.list({ customer: customer.id })).data.map((entry) => entry.id)).toEqual([
      invoice.id,
    ]);
    expect((await t.stripe.subscriptions.list({ customer: customer.id })).data.map((entry) => entry.id)).toEqual([
      subscription.id,
    ]);

    const events = await t.stripe.events.list({ limit: 3 });
    expect(events.data.map((event) => event.type).reverse()).toEqual([
      "customer.subscription.created",
      "invoice.paid",
      "checkout.session.completed",
    ]);

    const again = await fetch(session.url!);
    expect(await again.text()).toContain("already paid");
  });

  it("declines 4000 0000 0000 0002 and rejects other numbers without creating anything", async () => {
    const customer = await t.stripe.customers.create({ email: "declined@example.com" });
    const session = await createSession(customer.id);
    const eventsBefore = (await t.stripe.events.list({ limit: 100 })).data.length;

    const declined = await payCheckout(session.url!, "4000 0000 0000 0002");
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('<p role="alert">Your card was declined.</p>');
    const invalid = await payCheckout(session.url!, "1234 5678 9012 3456");
    expect(await invalid.text()).toContain('<p role="alert">Your card number is invalid.</p>');

    expect(await t.stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open", subscription: null });
    expect((await t.stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toEqual([]);
    expect((await t.stripe.events.list({ limit: 100 })).data.length).toBe(eventsBefore);
  });

  it("creates the customer at payment when the session only had an email", async () => {
    const session = await t.stripe.checkout.sessions.create({
      mode: "subscription",
      customer_email: "new@example.com",
      line_items: [{ price: monthly.id, quantity: 1 }],
      success_url: "http://localhost:3000/ok",
    });
    expect((await payCheckout(session.url!)).status).toBe(303);
    const paid = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["customer", "line_items"] });
    expect(expanded(paid.customer)).toMatchObject({ object: "customer", email: "new@example.com" });
    expect(paid.customer_details?.email).toBe("new@example.com");
    expect(paid.line_items?.data[0]).toMatchObject({ quantity: 1, price: { id: monthly.id } });
  });

  // What Folio sends for a visitor: no customer, no customer_email. Stripe's
  // page then asks for the address (an editable field), creates the customer
  // with it, and reports it as customer_details.email, in the completed
  // session and in its checkout.session.completed event.
  it("asks for the address when the session has neither customer nor email, and reports it", async () => {
    const session = await t.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      metadata: { nonceHash: "a".repeat(64) },
      success_url: "http://localhost:3000/ok?session_id={CHECKOUT_SESSION_ID}",
    });
    expect(session).toMatchObject({ customer: null, customer_email: null, customer_details: null });
    const page = await (await fetch(session.url!)).text();
    expect(page).toMatch(/<input id="email"[^>]*required>/);
    expect(page).not.toMatch(/<input id="email"[^>]*readonly/);
    expect((await payCheckout(session.url!)).status).toBe(400);
    expect((await payCheckout(session.url!, undefined, "visitor@example.com")).status).toBe(303);
    const paid = await t.stripe.checkout.sessions.retrieve(session.id, { expand: ["customer"] });
    expect(expanded(paid.customer)).toMatchObject({ object: "customer", email: "visitor@example.com" });
    expect(paid.customer_details?.email).toBe("visitor@example.com");
    expect(paid.metadata).toEqual({ nonceHash: "a".repeat(64) });
    const completed = (await t.stripe.events.list({ type: "checkout.session.completed", limit: 100 })).data.find(
      (event) => (event.data.object as Stripe.Checkout.Session).id === session.id,
    );
    expect((completed?.data.object as Stripe.Checkout.Session).customer_details?.email).toBe("visitor@example.com");
  });
});
