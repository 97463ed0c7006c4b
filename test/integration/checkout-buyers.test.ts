// A visitor buys All-Access without signing in (issue 17): the webhook gives
// the subscription to the account of the address given in Checkout, created
// if new; the return from Checkout knows whether the purchase created it and
// lets one browser be signed in, once; the new subscriber is welcomed by
// email exactly once, however often Stripe delivers the events. Against real
// PostgreSQL, the Stripe emulator through the SDK, pg-boss and MailDev.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { formatDate } from "@/lib/articles/format";
import { createCheckoutSession } from "@/lib/billing/checkout";
import { newCheckoutNonce, nonceMatches } from "@/lib/billing/checkout-nonce";
import { claimBuyerSignIn, readCheckoutReturn } from "@/lib/billing/checkout-return";
import { returnTarget } from "@/lib/billing/return-target";
import { stripe } from "@/lib/billing/stripe-client";
import { idOf } from "@/lib/billing/stripe-id";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { startJobWorker, stopJobQueue } from "@/lib/jobs/job-queue";
import { subscriptionWelcomeKey } from "@/lib/mail/queue-welcome-mail";
import { sendWelcomeMail } from "@/lib/welcome/send-welcome-mail";
import { registerWelcomeMailJobs } from "@/lib/welcome/welcome-mail-jobs";
import { uniqueSuffix } from "../fixtures/articles";
import { mailsTo } from "../fixtures/maildev";
import { createReader } from "../fixtures/readers";
import { eventsAbout, webhookRequest } from "../fixtures/stripe";

beforeAll(async () => {
  // The web server's welcome-mail worker, so the jobs the webhook writes are sent.
  const boss = await startJobWorker({ cron: false });
  // Its lines (a retry, a sweep) go to the test's output: a welcome that
  // does not arrive says why.
  await registerWelcomeMailJobs(boss, (line) => console.log(`welcome worker: ${line}`));
});

afterAll(async () => {
  await stopJobQueue();
});

async function deliverAll(purchase: { customerId: string; subscriptionId: string; sessionId: string }) {
  const results: string[] = [];
  for (const event of await eventsAbout(purchase)) {
    const response = await POST(webhookRequest(JSON.stringify(event)));
    expect(response.status).toBe(200);
    results.push(((await response.json()) as { result: string }).result);
  }
  return results;
}

/** A visitor chooses the monthly plan from article `from` and pays as `email` on Checkout's page. */
async function visitorBuys(email: string, from: string | null = "e2e-gated-tanker-ceiling") {
  const nonce = newCheckoutNonce();
  const url = await createCheckoutSession(null, {
    planKey: "monthly",
    returnTo: returnTarget(from ?? undefined),
    nonceHash: nonce.hash,
  });
  const sessionId = url.split("/").at(-1)!;
  const before = await stripe().checkout.sessions.retrieve(sessionId);
  const paid = await fetch(url, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ email, cardNumber: "4242 4242 4242 4242", cardExpiry: "12/30", cardCvc: "123" }),
  });
  expect(paid.status).toBe(303);
  expect(paid.headers.get("location")).toMatch(new RegExp(`/subscribe/return\\?session_id=${sessionId}$`));
  const session = await stripe().checkout.sessions.retrieve(sessionId);
  return {
    nonce,
    before,
    session,
    sessionId,
    subscriptionId: idOf(session.subscription)!,
    customerId: idOf(session.customer)!,
  };
}

describe("a visitor's checkout", () => {
  it("asks Stripe for the address, and keeps the nonce's hash, never the nonce, in the session", async () => {
    const nonce = newCheckoutNonce();
    const url = await createCheckoutSession(null, {
      planKey: "annual",
      returnTo: returnTarget("/articles/some-article?x=1"),
      nonceHash: nonce.hash,
    });
    const session = await stripe().checkout.sessions.retrieve(url.split("/").at(-1)!);
    expect(session.customer).toBeNull();
    expect(session.customer_email).toBeNull();
    expect(session.metadata).toMatchObject({ plan: "annual", returnTo: "/articles/some-article?x=1" });
    expect(session.metadata?.nonceHash).toBe(nonce.hash);
    expect(JSON.stringify(session)).not.toContain(nonce.nonce);
    expect(session.cancel_url).toMatch(/\/subscribe\?from=%2Farticles%2Fsome-article%3Fx%3D1&canceled=1$/);
  });

  it("with a new address: creates the account, and lets the paying browser in once", async () => {
    const typed = `Buyer-${uniqueSuffix()}@Example.ORG`;
    const purchase = await visitorBuys(typed);
    expect(purchase.session.customer_details?.email).toBe(typed);
    expect(await readCheckoutReturn(purchase.sessionId)).toEqual({
      state: "pending",
      returnTo: "/articles/e2e-gated-tanker-ceiling",
    });

    await deliverAll(purchase);
    const account = await db().user.findUniqueOrThrow({ where: { email: typed.toLowerCase() } });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } })).toMatchObject({
      userId: account.id,
      status: "active",
    });
    expect(account.stripeCustomerId).toBe(purchase.customerId);

    const back = await readCheckoutReturn(purchase.sessionId);
    expect(back).toMatchObject({
      state: "active",
      ownerId: account.id,
      returnTo: "/articles/e2e-gated-tanker-ceiling",
      buyer: { createdAccount: true, signedInAt: null },
    });
    if (back.state !== "active") throw new Error("unreachable");
    expect(nonceMatches(purchase.nonce.nonce, back.nonceHash)).toBe(true);
    expect(nonceMatches("forged", back.nonceHash)).toBe(false);
    expect(nonceMatches(newCheckoutNonce().nonce, back.nonceHash)).toBe(false);
    expect(await claimBuyerSignIn(purchase.subscriptionId)).toBe(true);
    // Single use: a second return (or a copied link) signs nobody in.
    expect(await claimBuyerSignIn(purchase.subscriptionId)).toBe(false);
  });

  it("with an existing account's address: the subscription joins that account, and nobody is let in", async () => {
    const reader = await createReader();
    const purchase = await visitorBuys(reader.email.toUpperCase(), null);
    await deliverAll(purchase);
    expect(await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } })).toMatchObject({
      userId: reader.id,
    });
    expect(await readCheckoutReturn(purchase.sessionId)).toMatchObject({
      state: "active",
      ownerId: reader.id,
      returnTo: "/account",
      buyer: { createdAccount: false },
    });
    expect(await claimBuyerSignIn(purchase.subscriptionId)).toBe(false);
    expect(await db().user.count({ where: { email: reader.email } })).toBe(1);
  });

  it.each([
    ["garbage", "not a session"],
    ["an unknown session id", "cs_test_doesnotexist"],
    ["a script", "cs_<script>"],
    ["nothing", null],
  ])("a return with %s is unknown and changes nothing", async (_label, sessionId) => {
    const users = await db().user.count();
    expect(await readCheckoutReturn(sessionId)).toEqual({ state: "unknown" });
    expect(await db().user.count()).toBe(users);
  });
});

describe("the welcome to a new subscriber", () => {
  it("is sent once, with plan, price, renewal date and where to manage it, however often events arrive", async () => {
    const email = `welcome-${uniqueSuffix()}@example.org`;
    const purchase = await visitorBuys(email);
    expect(await deliverAll(purchase)).not.toContain("duplicate");
    // Every event again: Stripe's retries, a replay.
    expect(new Set(await deliverAll(purchase))).toEqual(new Set(["duplicate"]));

    const key = subscriptionWelcomeKey(purchase.subscriptionId);
    expect(await db().welcomeMail.count({ where: { key } })).toBe(1);
    const jobs = await db().$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job WHERE name = 'welcome-mail' AND data->>'key' = ${key}`;
    expect(Number(jobs[0]!.count)).toBe(1);

    try {
      await expect.poll(async () => (await mailsTo(email)).length, { timeout: 15_000 }).toBe(1);
    } catch (error) {
      // What became of the welcome, to say why it did not arrive.
      const job = await db().$queryRaw<unknown[]>`
        SELECT state, retry_count, start_after, started_on, completed_on, output
        FROM pgboss.job WHERE name = 'welcome-mail' AND data->>'key' = ${key}`;
      const welcome = await db().welcomeMail.findUnique({ where: { key } });
      const queued = await db().$queryRaw<unknown[]>`
        SELECT state, count(*)::int AS jobs FROM pgboss.job WHERE name = 'welcome-mail' GROUP BY state`;
      throw new Error(
        `no welcome mail: job ${JSON.stringify(job)}, row ${JSON.stringify(welcome)}, queue ${JSON.stringify(queued)}`,
        {
          cause: error,
        },
      );
    }
    const [mail] = await mailsTo(email);
    const subscription = await db().subscription.findUniqueOrThrow({ where: { id: purchase.subscriptionId } });
    expect(mail!.subject).toBe(`Welcome to All-Access at ${env().PUBLICATION_NAME}`);
    expect(mail!.text).toContain("All-Access, monthly, $12.00 a month");
    expect(mail!.text).toContain(`renews on ${formatDate(subscription.currentPeriodEnd)}`);
    expect(mail!.text).toMatch(/https?:\/\/[^\s]+\/account/);
    expect(mail!.text).toMatch(/https?:\/\/[^\s]+\/signin/);
    expect(mail!.text).not.toMatch(/token=/);
    await expect
      .poll(() =>
        db()
          .welcomeMail.findUnique({ where: { key } })
          .then((row) => row?.sentAt),
      )
      .toBeTruthy();

    // The job run again (a retry after a lost answer) sends nothing more.
    expect(
      await sendWelcomeMail({
        key,
        kind: "subscription",
        userId: subscription.userId,
        subscriptionId: subscription.id,
      }),
    ).toBe("already-sent");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await mailsTo(email)).toHaveLength(1);
  });
});
