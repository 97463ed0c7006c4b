// Trials and offer codes (issue 23), against real PostgreSQL, the Stripe
// emulator through the SDK, pg-boss and MailDev: an offer link's trial or
// discount applied at Checkout, a trialing subscriber reading everything,
// Stripe's customer.subscription.trial_will_end becoming one reminder email
// however often it is delivered, and a trial cancelled before its end
// costing nothing, with access until the trial's end.
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { trialReminderMail } from "@/lib/account/trial-reminder-mail";
import { registerTrialReminderJobs } from "@/lib/account/trial-reminder-jobs";
import { sendTrialReminder } from "@/lib/account/send-trial-reminder";
import { accessForArticle } from "@/lib/access/article-access";
import type { Reader } from "@/lib/auth/get-reader";
import { formatDate } from "@/lib/articles/format";
import { createCheckoutSession, OfferRefusedError } from "@/lib/billing/checkout";
import { defaultTrialDays } from "@/lib/billing/default-trial";
import { lookupOffer, type Offer } from "@/lib/billing/offers";
import { listPlans } from "@/lib/billing/plans";
import { stripe } from "@/lib/billing/stripe-client";
import { offerToShow } from "@/lib/billing/subscribe-offer";
import { idOf } from "@/lib/billing/stripe-id";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { startJobWorker, stopJobQueue } from "@/lib/jobs/job-queue";
import { createArticle, uniqueSuffix } from "../fixtures/articles";
import { mailsTo } from "../fixtures/maildev";
import { createReader } from "../fixtures/readers";
import { emulatorControl, eventsAbout, webhookRequest } from "../fixtures/stripe";
import { startStripeEmulator } from "@/scripts/stripe-emulator/start-stripe-emulator";

const DAY = 86_400;

// This file moves Stripe's clock on by days. An emulator of its own, so that
// the other files' subscriptions keep starting at the servers' time (the
// insights cap Stripe's dates at it): vitest runs each file in a process of
// its own, so nothing here has read STRIPE_API_URL yet.
const ownEmulator = await startStripeEmulator({
  port: 0,
  apiKey: process.env.STRIPE_SECRET_KEY!,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET!,
});
vi.stubEnv("STRIPE_API_URL", ownEmulator.url);
// A default trial, which an offer replaces and a returning reader does not get.
vi.stubEnv("TRIAL_DAYS", "10");

beforeAll(async () => {
  if (env().STRIPE_API_URL !== ownEmulator.url)
    throw new Error("the settings were read before this file's emulator started");
  // The web server's trial-reminder worker, so the jobs the webhook writes are sent.
  const boss = await startJobWorker({ cron: false });
  await registerTrialReminderJobs(boss, (line) => console.log(`trial reminder worker: ${line}`));
});

afterAll(async () => {
  await stopJobQueue();
  await ownEmulator.stop();
});

/** Moves this file's emulator's clock (by about ten days in all: short trials). */
function advanceClock(seconds: number): Promise<{ now: number; events: string[] }> {
  return emulatorControl("POST", "/_emulator/clock/advance", { seconds });
}

async function deliver(event: Stripe.Event): Promise<string> {
  const response = await POST(webhookRequest(JSON.stringify(event)));
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: string }).result;
}

/** A promotion code of our own, with a coupon; `metadata.trial_days` makes it a trial offer. */
async function promotionCode(
  params: Partial<Stripe.PromotionCodeCreateParams> = {},
  coupon?: Stripe.CouponCreateParams,
) {
  const created = await stripe().coupons.create(coupon ?? { percent_off: 100, duration: "once" });
  return stripe().promotionCodes.create({
    promotion: { type: "coupon", coupon: created.id },
    code: `IT-${uniqueSuffix()}`.slice(0, 40).toUpperCase(),
    ...params,
  });
}

async function offerFor(code: string): Promise<Offer> {
  const found = await lookupOffer(code, { fresh: true });
  if (found.status !== "ok") throw new Error(`the offer ${code} is ${found.status}`);
  return found.offer;
}

type Purchase = { customerId: string; subscriptionId: string; sessionId: string };

/** The reader starts Checkout with `offer` and pays on the emulator's page; every event is delivered. */
async function buyWith(reader: Reader, offer: Offer) {
  const url = await createCheckoutSession(reader, { planKey: "monthly", returnTo: null, offer });
  const sessionId = url.split("/").at(-1)!;
  const paid = await fetch(url, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ cardNumber: "4242 4242 4242 4242", cardExpiry: "12/30", cardCvc: "123" }),
  });
  expect(paid.status).toBe(303);
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  const purchase: Purchase = {
    sessionId,
    customerId: idOf(session.customer)!,
    subscriptionId: idOf(session.subscription)!,
  };
  for (const event of await eventsAbout(purchase)) await deliver(event);
  return { purchase, session };
}

/** A gated article (the default preview cut leaves paragraphs behind it). */
async function gatedArticle() {
  return createArticle({ body: "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix." });
}

async function startTrial(days = 14) {
  const reader = await createReader();
  const code = await promotionCode({ metadata: { trial_days: String(days) } });
  const { purchase } = await buyWith(reader, await offerFor(code.code));
  return { reader, purchase };
}

describe("an offer link's trial", () => {
  it("starts a trialing subscription, stored with its trial's end, and the reader reads everything", async () => {
    const { reader, purchase } = await startTrial(14);
    const session = await stripe().checkout.sessions.retrieve(purchase.sessionId);
    expect(session).toMatchObject({ amount_total: 0, allow_promotion_codes: true, discounts: [] });
    expect(session.metadata?.offer).toMatch(/^IT-/);

    const fromStripe = await stripe().subscriptions.retrieve(purchase.subscriptionId);
    expect(fromStripe.status).toBe("trialing");
    const stored = await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } });
    expect(stored).toMatchObject({ userId: reader.id, status: "trialing" });
    expect(stored.trialEnd).toEqual(new Date(fromStripe.trial_end! * 1000));
    expect(stored.currentPeriodEnd).toEqual(stored.trialEnd);
    const invoices = await db().invoice.findMany({ where: { subscriptionId: purchase.subscriptionId } });
    expect(invoices.map((invoice) => invoice.amountPaid)).toEqual([0]);

    const access = await accessForArticle(reader, await gatedArticle());
    expect(access.decision).toMatchObject({ level: "full", reason: "subscriber" });
  });

  it("sends one reminder three days before the end, however often Stripe delivers the notice", async () => {
    const { reader, purchase } = await startTrial(5);
    const advanced = await advanceClock(2 * DAY + 60);
    const events = await Promise.all(advanced.events.map((id) => stripe().events.retrieve(id)));
    const notice = events.find(
      (event) =>
        event.type === "customer.subscription.trial_will_end" && event.data.object.id === purchase.subscriptionId,
    );
    if (!notice) throw new Error(`no trial_will_end among ${events.map((event) => event.type).join(", ")}`);

    // Delivered twice, and twice at once (Stripe's retries race), and a second
    // notice about the same trial under another event id.
    expect(await deliver(notice)).toBe("processed");
    expect(await Promise.all([deliver(notice), deliver(notice)])).toEqual(["duplicate", "duplicate"]);
    expect(await deliver({ ...notice, id: `${notice.id}_again` })).toBe("processed");

    const stored = await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } });
    expect(await db().trialReminder.count({ where: { subscriptionId: purchase.subscriptionId } })).toBe(1);
    await expect.poll(async () => (await mailsTo(reader.email)).length, { timeout: 15_000 }).toBe(1);
    const [mail] = await mailsTo(reader.email);
    const date = formatDate(stored.trialEnd!);
    expect(mail!.subject).toBe(`Your free trial of All-Access ends on ${date}`);
    expect(mail!.text).toContain(`ends on ${date}`);
    expect(mail!.text).toContain("continues at $12.00 a month");
    expect(mail!.text).toContain("nothing will be charged");
    expect(mail!.text).toMatch(/https?:\/\/[^\s]+\/account/);

    // The job run again (a retry, the sweep) sends nothing more.
    expect(await sendTrialReminder({ subscriptionId: stored.id, trialEnd: stored.trialEnd!, userId: reader.id })).toBe(
      "already-sent",
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await mailsTo(reader.email)).toHaveLength(1);

    // Its end: the first charge, at the plan's price, and the subscription is active.
    const ended = await advanceClock(3 * DAY);
    for (const id of ended.events) {
      const event = await stripe().events.retrieve(id);
      const object = event.data.object as {
        id?: string;
        parent?: { subscription_details?: { subscription?: string } };
      };
      if (
        object.id === purchase.subscriptionId ||
        object.parent?.subscription_details?.subscription === purchase.subscriptionId
      )
        await deliver(event);
    }
    expect(await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } })).toMatchObject({
      status: "active",
    });
    const paid = await db().invoice.findMany({
      where: { subscriptionId: purchase.subscriptionId },
      orderBy: { amountPaid: "asc" },
    });
    expect(paid.map((invoice) => invoice.amountPaid)).toEqual([0, 1200]);
  });

  it("cancelled before its end: nothing is charged, and access lasts until the trial's end", async () => {
    const { reader, purchase } = await startTrial(4);
    await stripe().subscriptions.update(purchase.subscriptionId, { cancel_at_period_end: true });
    for (const event of await eventsAbout(purchase)) await deliver(event);
    const cancelling = await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } });
    expect(cancelling).toMatchObject({ status: "trialing", cancelAtPeriodEnd: true });
    expect(cancelling.cancelAt).toEqual(cancelling.trialEnd);
    const article = await gatedArticle();
    expect((await accessForArticle(reader, article)).decision.level).toBe("full");

    // Past the end: Stripe's notice (no reminder: nothing will be charged), then the end.
    const advanced = await advanceClock(5 * DAY);
    for (const event of await eventsAbout(purchase)) await deliver(event);
    expect(advanced.events.length).toBeGreaterThan(0);
    const ended = await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } });
    expect(ended).toMatchObject({ status: "canceled", endedAt: cancelling.trialEnd });
    expect((await accessForArticle(reader, article)).decision.level).toBe("preview");
    const invoices = await stripe().invoices.list({ subscription: purchase.subscriptionId });
    expect(invoices.data.map((invoice) => invoice.amount_paid)).toEqual([0]);
    expect(await db().trialReminder.count({ where: { subscriptionId: purchase.subscriptionId } })).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await mailsTo(reader.email)).toEqual([]);
  });

  it("cancelled at once: nothing is charged, and the reader still reads until the trial's end", async () => {
    const { reader, purchase } = await startTrial(14);
    await stripe().subscriptions.cancel(purchase.subscriptionId);
    for (const event of await eventsAbout(purchase)) await deliver(event);
    const stored = await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } });
    expect(stored.status).toBe("canceled");
    const article = await gatedArticle();
    // The decision runs on the server's clock; the trial's end is on Stripe's.
    const beforeEnd = new Date(stored.trialEnd!.getTime() - 60_000);
    const afterEnd = new Date(stored.trialEnd!.getTime() + 60_000);
    expect((await accessForArticle(reader, article, beforeEnd)).decision.level).toBe("full");
    expect((await accessForArticle(reader, article, afterEnd)).decision.level).toBe("preview");
    expect(
      (await stripe().invoices.list({ subscription: purchase.subscriptionId })).data.map((i) => i.amount_paid),
    ).toEqual([0]);
  });
});

/** A subscription of the reader's from a month ago, in `status`, as the webhook would have stored it. */
async function storeEarlierSubscription(reader: Reader, status: string) {
  const id = uniqueSuffix();
  await db().subscription.create({
    data: {
      id: `sub_earlier_${id}`,
      userId: reader.id,
      customerId: `cus_earlier_${id}`,
      status,
      priceId: "price_old",
      plan: "monthly",
      currentPeriodEnd: new Date(Date.now() - 30 * DAY * 1000),
    },
  });
}

describe("an offer link's discount", () => {
  it("is applied at Checkout as its promotion code, without the promotion code field", async () => {
    const reader = await createReader();
    const { purchase, session } = await buyWith(reader, await offerFor("spring-5"));
    expect(session).toMatchObject({ allow_promotion_codes: null, amount_total: 500 });
    expect(session.discounts?.[0]?.promotion_code).toBe("promo_seed_spring_5");
    const invoices = await db().invoice.findMany({ where: { subscriptionId: purchase.subscriptionId } });
    expect(invoices.map((invoice) => invoice.amountPaid)).toEqual([500]);
  });

  it("without an offer, Checkout lets the buyer type a code, with TRIAL_DAYS for a reader who never subscribed only", async () => {
    const sessionFor = async (reader: Reader) => {
      const url = await createCheckoutSession(reader, { planKey: "monthly", returnTo: null });
      return stripe().checkout.sessions.retrieve(url.split("/").at(-1)!);
    };
    const newcomer = await createReader();
    expect(await defaultTrialDays(newcomer)).toBe(10);
    expect(await sessionFor(newcomer)).toMatchObject({ allow_promotion_codes: true, amount_total: 0, discounts: [] });

    // A subscription that ran and ended: no second free trial, on /subscribe or at Checkout.
    const returning = await createReader();
    await storeEarlierSubscription(returning, "canceled");
    expect(await defaultTrialDays(returning)).toBe(0);
    expect(await sessionFor(returning)).toMatchObject({ allow_promotion_codes: true, amount_total: 1200 });

    // A first payment that never went through started nothing: the trial is still theirs.
    const abandoned = await createReader();
    await storeEarlierSubscription(abandoned, "incomplete_expired");
    expect(await defaultTrialDays(abandoned)).toBe(10);
  });

  it("used up since it was shown: Checkout refuses it and nothing starts", async () => {
    const code = await promotionCode({ max_redemptions: 1 }, { percent_off: 20, duration: "once" });
    const offer = await offerFor(code.code);
    await buyWith(await createReader(), offer);
    const latecomer = await createReader();
    await expect(
      createCheckoutSession(latecomer, { planKey: "monthly", returnTo: null, offer }),
    ).rejects.toBeInstanceOf(OfferRefusedError);
    expect(await lookupOffer(code.code, { fresh: true })).toEqual({ status: "used-up" });
  });
});

describe("offer codes /subscribe refuses", () => {
  it("says which: unknown, expired, switched off, for no plan, or not a code at all", async () => {
    const plans = await listPlans();
    expect(await offerToShow("NO-SUCH-OFFER", plans)).toMatchObject({ state: "refused", reason: "unknown" });

    const { now } = await emulatorControl<{ now: number }>("GET", "/_emulator/clock");
    const expiring = await promotionCode({ expires_at: now + 60 }, { percent_off: 10 });
    await advanceClock(61);
    // Stripe's clock (the emulator's, moved on by this file) says when a
    // code ended; this server's may not have reached that date yet.
    const expired = await offerToShow(expiring.code, plans);
    expect(expired).toMatchObject({ state: "refused", reason: "expired" });

    const off = await promotionCode({}, { percent_off: 10 });
    await stripe().promotionCodes.update(off.id, { active: false });
    expect(await offerToShow(off.code, plans)).toMatchObject({ state: "refused", reason: "inactive" });

    const euros = await promotionCode({}, { amount_off: 500, currency: "eur", duration: "once" });
    expect(await offerToShow(euros.code, plans)).toMatchObject({ state: "refused", reason: "not-for-plans" });

    for (const value of ["x".repeat(10_000), "<script>", "SPRING 5", "../v1/customers"]) {
      expect(await offerToShow(value, plans)).toEqual({
        state: "refused",
        reason: "malformed",
        code: null,
        endedAt: null,
      });
    }

    const spring = await offerToShow("Spring-5", plans);
    expect(spring).toMatchObject({ state: "offer", offer: { code: "SPRING-5", kind: "discount" } });
    if (spring.state === "offer") expect(spring.plans.map((plan) => plan.key)).toEqual(["monthly"]);
  });

  it("the reminder's words: date, price after the trial with a discount, and how to cancel", () => {
    const mail = trialReminderMail("reader@example.org", {
      trialEnd: new Date("2027-01-03T12:00:00Z"),
      price: { amount: 1200, currency: "usd", interval: "month" },
      firstCharge: 500,
    });
    expect(mail.subject).toBe(`Your free trial of All-Access ends on ${formatDate(new Date("2027-01-03T12:00:00Z"))}`);
    expect(mail.text).toContain("continues at $12.00 a month, less your discount");
    expect(mail.text).toContain("is $5.00");
    expect(mail.text).toContain('choose "Manage billing"');
  });
});
