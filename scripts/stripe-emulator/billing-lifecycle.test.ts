// Subscriptions over time: the Customer Portal, cancellation at period end,
// renewals and failed renewals as the emulator clock moves.
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expanded, startTestEmulator, subscribe, type TestEmulator } from "./test-harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
beforeEach(() => t.control("POST", "/_emulator/reset"));
afterAll(() => t.emulator.stop());

type Advance = { now: number; events: string[] };

async function eventsOf(ids: string[]): Promise<Stripe.Event[]> {
  return Promise.all(ids.map((id) => t.stripe.events.retrieve(id)));
}

/** Posts a Customer Portal button's form; the answer is a redirect back to the portal. */
async function portalAction(portalUrl: string, action: string, subscription: string, price?: string): Promise<void> {
  const html = await (await fetch(portalUrl)).text();
  expect(html).toContain(`action="/portal/${portalUrl.split("/").pop()}/${action}"`);
  const form = new URLSearchParams({ subscription, ...(price ? { price } : {}) });
  const response = await fetch(`${portalUrl}/${action}`, { method: "POST", body: form, redirect: "manual" });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe(new URL(portalUrl).pathname);
}

describe("Customer Portal", () => {
  it("creates a session whose page shows the plan and changes it", async () => {
    const { customer, subscription } = await subscribe(t.stripe);
    const portal = await t.stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: "http://localhost:3000/account",
    });
    expect(portal).toMatchObject({
      object: "billing_portal.session",
      customer: customer.id,
      return_url: "http://localhost:3000/account",
    });
    expect(portal.id).toMatch(/^bps_/);
    expect(portal.url).toBe(`${t.emulator.url}/portal/${portal.id}`);

    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("All-Access (Monthly)");
    expect(page).toContain("Status: Active");
    expect(page).toMatch(/Renews on [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(page).toContain("Cancel plan");
    expect(page).toContain("Switch to annual");
    expect(page).toContain('<a href="http://localhost:3000/account">Return to localhost:3000</a>');

    await portalAction(portal.url, "cancel", subscription.id);
    const canceling = await t.stripe.subscriptions.retrieve(subscription.id);
    const periodEnd = canceling.items.data[0]!.current_period_end;
    expect(canceling).toMatchObject({ cancel_at_period_end: true, cancel_at: periodEnd, status: "active" });
    const afterCancel = await (await fetch(portal.url)).text();
    expect(afterCancel).toContain("Cancels on");
    expect(afterCancel).toContain("Resume plan");

    await portalAction(portal.url, "resume", subscription.id);
    expect(await t.stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
    });

    const annual = (await t.stripe.prices.list({ lookup_keys: ["all_access_annual"] })).data[0]!;
    await portalAction(portal.url, "switch", subscription.id, annual.id);
    const switched = await t.stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(switched.items.data[0]!.price.id).toBe(annual.id);
    expect(expanded(switched.latest_invoice)).toMatchObject({ billing_reason: "subscription_update", status: "paid" });
    expect(await (await fetch(portal.url)).text()).toContain("Switch to monthly");

    const updates = await t.stripe.events.list({ type: "customer.subscription.updated" });
    expect(updates.data).toHaveLength(3);
    const newest = updates.data[0]!;
    if (newest.type !== "customer.subscription.updated") throw new Error("unexpected event type");
    expect(newest.data.object.items.data[0]!.price.id).toBe(annual.id);
    expect(newest.data.previous_attributes).toHaveProperty("items");
  });
});

describe("the emulator clock", () => {
  it("renews an active subscription when its period ends", async () => {
    const { subscription } = await subscribe(t.stripe);
    const periodEnd = subscription.items.data[0]!.current_period_end;
    const { now } = await t.control<{ now: number }>("GET", "/_emulator/clock");
    const advanced = await t.control<Advance>("POST", "/_emulator/clock/advance", { seconds: periodEnd - now + 60 });
    expect((await eventsOf(advanced.events)).map((event) => event.type)).toEqual([
      "invoice.paid",
      "customer.subscription.updated",
    ]);

    const renewed = await t.stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0]!.current_period_start).toBe(periodEnd);
    expect(renewed.items.data[0]!.current_period_end).toBeGreaterThan(periodEnd);
    expect(expanded(renewed.latest_invoice)).toMatchObject({
      billing_reason: "subscription_cycle",
      status: "paid",
      amount_paid: 1200,
    });
  });

  it("renews once per period when the clock jumps over several", async () => {
    const { subscription } = await subscribe(t.stripe);
    const advanced = await t.control<Advance>("POST", "/_emulator/clock/advance", { seconds: 95 * 86_400 });
    expect(advanced.events).toHaveLength(6);
    expect((await t.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(4);
  });

  it("ends a subscription canceled at period end once the period is over", async () => {
    const { customer, subscription } = await subscribe(t.stripe);
    const canceling = await t.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const periodEnd = canceling.items.data[0]!.current_period_end;
    expect(canceling).toMatchObject({ cancel_at_period_end: true, cancel_at: periodEnd });

    const early = await t.control<Advance>("POST", "/_emulator/clock/advance", { seconds: 86_400 });
    expect(early.events).toEqual([]);
    const { now } = await t.control<{ now: number }>("GET", "/_emulator/clock");
    const advanced = await t.control<Advance>("POST", "/_emulator/clock/advance", { seconds: periodEnd - now + 1 });
    const ended = await t.stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: periodEnd });

    const types = (await t.stripe.events.list({ limit: 100 })).data.map((event) => event.type).reverse();
    expect(types).toEqual([
      "customer.subscription.created",
      "invoice.paid",
      "checkout.session.completed",
      "customer.subscription.updated",
      "customer.subscription.deleted",
    ]);
    expect(advanced.events).toHaveLength(1);
    expect((await t.stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect((await t.stripe.subscriptions.list({ customer: customer.id, status: "all" })).data).toHaveLength(1);
  });

  it("fails the next renewal on request: past_due, an open invoice, invoice.payment_failed", async () => {
    const { customer, subscription } = await subscribe(t.stripe);
    await t.control("POST", `/_emulator/customers/${customer.id}/fail-next-payment`);
    const advanced = await t.control<Advance>("POST", "/_emulator/clock/advance", { seconds: 32 * 86_400 });
    const events = await eventsOf(advanced.events);
    expect(events.map((event) => event.type)).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);
    const [failed, updated] = events;
    if (failed?.type !== "invoice.payment_failed" || updated?.type !== "customer.subscription.updated")
      throw new Error("unexpected events");
    expect(failed.data.object).toMatchObject({ status: "open", amount_paid: 0, amount_remaining: 1200 });
    expect(updated.data.object.status).toBe("past_due");
    expect(updated.data.previous_attributes).toMatchObject({ status: "active" });

    const pastDue = await t.stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(pastDue.status).toBe("past_due");
    const invoice = expanded(pastDue.latest_invoice);
    expect(invoice.status).toBe("open");

    // The customer fixes their card: the invoice is paid and the subscription active again.
    await t.control("POST", `/_emulator/invoices/${invoice.id}/pay`);
    expect((await t.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });
});

describe("subscription updates through the API", () => {
  it("switches the plan, resumes, and cancels now", async () => {
    const { subscription } = await subscribe(t.stripe);
    const annual = (await t.stripe.prices.list({ lookup_keys: ["all_access_annual"] })).data[0]!;
    const item = subscription.items.data[0]!;
    const switched = await t.stripe.subscriptions.update(subscription.id, {
      items: [{ id: item.id, price: annual.id }],
      metadata: { plan: "annual" },
    });
    expect(switched.items.data[0]).toMatchObject({
      id: item.id,
      price: { id: annual.id, recurring: { interval: "year" } },
    });
    expect(switched.metadata).toMatchObject({ plan: "annual" });
    const periodDays =
      (switched.items.data[0]!.current_period_end - switched.items.data[0]!.current_period_start) / 86_400;
    expect(periodDays).toBeGreaterThanOrEqual(365);

    await t.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const resumed = await t.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false });
    expect(resumed).toMatchObject({ cancel_at_period_end: false, cancel_at: null, canceled_at: null });

    const canceled = await t.stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: "canceled" });
    expect(canceled.ended_at).toBeTypeOf("number");
    const newest = (await t.stripe.events.list({ limit: 1 })).data[0]!;
    expect(newest).toMatchObject({
      type: "customer.subscription.deleted",
      request: { id: expect.stringMatching(/^req_/) },
    });
  });
});
