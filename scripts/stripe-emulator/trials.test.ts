// Free trials through Checkout (`subscription_data.trial_period_days` or
// `trial_end`), as the emulator clock moves: a trialing subscription whose
// first invoice is $0, `customer.subscription.trial_will_end` three days
// before the end (once), the end turning into a paid period, and a trial
// cancelled before its end costing nothing.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caught, expanded, payCheckout, startTestEmulator, type TestEmulator } from "./test-harness";

let t: TestEmulator;
let monthly: Stripe.Price;
beforeAll(async () => {
  t = await startTestEmulator();
  monthly = (await t.stripe.prices.list({ lookup_keys: ["all_access_monthly"] })).data[0]!;
});
beforeEach(() => t.control("POST", "/_emulator/reset"));
afterAll(() => t.emulator.stop());

const DAY = 86_400;
type Advance = { now: number; events: string[] };

function advance(seconds: number): Promise<Advance> {
  return t.control<Advance>("POST", "/_emulator/clock/advance", { seconds });
}

async function typesOf(ids: string[]): Promise<string[]> {
  return (await Promise.all(ids.map((id) => t.stripe.events.retrieve(id)))).map((event) => event.type);
}

function trialSession(subscriptionData: Stripe.Checkout.SessionCreateParams.SubscriptionData) {
  return t.stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: monthly.id, quantity: 1 }],
    subscription_data: subscriptionData,
    success_url: "http://localhost:3000/subscribe/return?session_id={CHECKOUT_SESSION_ID}",
  });
}

/** Pays a 14-day trial as a visitor; returns the subscription with its first invoice. */
async function startTrial(days = 14): Promise<Stripe.Subscription> {
  const session = await trialSession({ trial_period_days: days, metadata: { plan: "monthly" } });
  expect(session).toMatchObject({ amount_subtotal: 0, amount_total: 0 });
  const paid = await payCheckout(session.url!, undefined, `trial-${Math.random().toString(36).slice(2)}@example.com`);
  expect(paid.status).toBe(303);
  const completed = await t.stripe.checkout.sessions.retrieve(session.id, {
    expand: ["subscription.latest_invoice"],
  });
  return expanded(completed.subscription);
}

describe("a trial from Checkout", () => {
  it("is trialing until trial_end, and its first invoice, paid, is $0", async () => {
    const { now } = await t.control<{ now: number }>("GET", "/_emulator/clock");
    const subscription = await startTrial(14);
    expect(subscription).toMatchObject({
      status: "trialing",
      trial_start: now,
      trial_end: now + 14 * DAY,
      billing_cycle_anchor: now + 14 * DAY,
      metadata: { plan: "monthly" },
    });
    expect(subscription.items.data[0]).toMatchObject({ current_period_start: now, current_period_end: now + 14 * DAY });
    const invoice = expanded(subscription.latest_invoice);
    expect(invoice).toMatchObject({ billing_reason: "subscription_create", status: "paid", amount_due: 0, total: 0 });
    expect(invoice.lines.data[0]!.description).toBe("Trial period for All-Access");

    const types = (await t.stripe.events.list({ limit: 10 })).data.map((event) => event.type).reverse();
    expect(types).toEqual(["customer.subscription.created", "invoice.paid", "checkout.session.completed"]);
    const page = await (
      await fetch(`${t.emulator.url}/checkout/${(await t.stripe.checkout.sessions.list()).data[0]!.id}`)
    ).text();
    expect(page).toContain("You're all set");
  });

  it("shows the trial on the hosted page with nothing due today", async () => {
    const session = await trialSession({ trial_period_days: 30 });
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain("30 days free, then $12.00 per month");
    expect(page).toContain("Due today: <strong>$0.00</strong>");
  });

  it("announces its end three days before, once, then charges the plan and turns active", async () => {
    const subscription = await startTrial(14);
    const trialEnd = subscription.trial_end!;
    const quiet = await advance(10 * DAY);
    expect(quiet.events).toEqual([]);

    const announced = await advance(1 * DAY + 60);
    expect(await typesOf(announced.events)).toEqual(["customer.subscription.trial_will_end"]);
    const event = await t.stripe.events.retrieve(announced.events[0]!);
    if (event.type !== "customer.subscription.trial_will_end") throw new Error("unexpected event");
    expect(event.data.object).toMatchObject({ id: subscription.id, status: "trialing", trial_end: trialEnd });
    expect(event.created).toBe(trialEnd - 3 * DAY);
    // Moving on within the trial does not announce it again.
    expect((await advance(DAY)).events).toEqual([]);

    const ended = await advance(2 * DAY);
    expect(await typesOf(ended.events)).toEqual(["invoice.paid", "customer.subscription.updated"]);
    const update = await t.stripe.events.retrieve(ended.events[1]!);
    if (update.type !== "customer.subscription.updated") throw new Error("unexpected event");
    expect(update.data.previous_attributes).toMatchObject({ status: "trialing" });

    const active = await t.stripe.subscriptions.retrieve(subscription.id, { expand: ["latest_invoice"] });
    expect(active.status).toBe("active");
    expect(active.items.data[0]!.current_period_start).toBe(trialEnd);
    expect(expanded(active.latest_invoice)).toMatchObject({
      billing_reason: "subscription_cycle",
      status: "paid",
      amount_paid: 1200,
    });
  });

  it("announces a trial shorter than three days at once", async () => {
    const subscription = await startTrial(2);
    const announced = await t.stripe.events.list({ type: "customer.subscription.trial_will_end" });
    expect(announced.data).toHaveLength(1);
    expect(announced.data[0]!.created).toBe(subscription.trial_start);
    expect((await advance(DAY)).events).toEqual([]);
  });

  it("cancelled at period end, ends with the trial and charges nothing", async () => {
    const subscription = await startTrial(14);
    const canceling = await t.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(canceling).toMatchObject({
      status: "trialing",
      cancel_at_period_end: true,
      cancel_at: subscription.trial_end,
    });

    const advanced = await advance(15 * DAY);
    expect(await typesOf(advanced.events)).toEqual([
      "customer.subscription.trial_will_end",
      "customer.subscription.deleted",
    ]);
    const ended = await t.stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: subscription.trial_end });
    const invoices = await t.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => invoice.amount_paid)).toEqual([0]);
  });

  it("cancelled now, ends at once and charges nothing", async () => {
    const subscription = await startTrial(14);
    const canceled = await t.stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: "canceled", trial_end: subscription.trial_end });
    const advanced = await advance(20 * DAY);
    expect(advanced.events).toEqual([]);
    expect((await t.stripe.invoices.list({ subscription: subscription.id })).data.map((i) => i.amount_paid)).toEqual([
      0,
    ]);
  });

  it("with a failed first charge, turns past_due", async () => {
    const subscription = await startTrial(14);
    await t.control("POST", `/_emulator/customers/${subscription.customer as string}/fail-next-payment`);
    const ended = await advance(15 * DAY);
    expect(await typesOf(ended.events)).toEqual([
      "customer.subscription.trial_will_end",
      "invoice.payment_failed",
      "customer.subscription.updated",
    ]);
    expect((await t.stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");
  });

  it("with a discount, charges the discounted price at the trial's end", async () => {
    const coupon = await t.stripe.coupons.create({
      amount_off: 700,
      currency: "usd",
      duration: "repeating",
      duration_in_months: 3,
    });
    const session = await t.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      subscription_data: { trial_period_days: 7 },
      discounts: [{ coupon: coupon.id }],
      success_url: "http://localhost:3000/",
    });
    expect(session.amount_total).toBe(0);
    await payCheckout(session.url!, undefined, "trial-discount@example.com");
    const subscriptionId = (await t.stripe.checkout.sessions.retrieve(session.id)).subscription as string;
    await advance(8 * DAY);
    const invoices = (await t.stripe.invoices.list({ subscription: subscriptionId })).data.reverse();
    expect(invoices.map((invoice) => invoice.amount_paid)).toEqual([0, 500]);
  });

  it("takes trial_end instead of days, and refuses trials Stripe refuses", async () => {
    const { now } = await t.control<{ now: number }>("GET", "/_emulator/clock");
    const byEnd = await trialSession({ trial_end: now + 5 * DAY });
    await payCheckout(byEnd.url!, undefined, "by-end@example.com");
    const subscriptionId = (await t.stripe.checkout.sessions.retrieve(byEnd.id)).subscription as string;
    expect(await t.stripe.subscriptions.retrieve(subscriptionId)).toMatchObject({
      status: "trialing",
      trial_end: now + 5 * DAY,
    });

    expect(await caught(trialSession({ trial_period_days: 0 }))).toMatchObject({
      statusCode: 400,
      param: "subscription_data[trial_period_days]",
      code: "parameter_invalid_integer",
    });
    expect(await caught(trialSession({ trial_end: now + DAY }))).toMatchObject({
      statusCode: 400,
      param: "subscription_data[trial_end]",
      message: "trial_end must be at least 48 hours in the future.",
    });
    expect(await caught(trialSession({ trial_end: now + 5 * DAY, trial_period_days: 3 }))).toMatchObject({
      param: "subscription_data[trial_end]",
    });
  });
});
