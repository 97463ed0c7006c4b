// POST /api/stripe/webhook against real PostgreSQL and the Stripe emulator
// (through the real SDK): signatures first, each event once, Stripe's
// current state whatever order events arrive in.
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { confirmAccountDeletion } from "@/lib/account/account-deletion";
import { issueAccountToken } from "@/lib/account/account-tokens";
import { reconcileSubscriptions } from "@/lib/billing/reconcile";
import { stripe } from "@/lib/billing/stripe-client";
import { db } from "@/lib/db/prisma";
import { createReader } from "../fixtures/readers";
import { buyMonthly, eventsAbout, findEvent, holdNextRead, webhookRequest } from "../fixtures/stripe";

async function deliver(payload: string, options?: Parameters<typeof webhookRequest>[1]) {
  const response = await POST(webhookRequest(payload, options));
  return { status: response.status, body: (await response.json()) as { result?: string } };
}

async function purchase() {
  const reader = await createReader();
  const paid = await buyMonthly(reader);
  const events = await eventsAbout(paid);
  return { reader, paid, events };
}

describe("signature checks", () => {
  it.each([
    ["a missing signature", { signature: null }],
    ["a signature made with another secret", { secret: "whsec_not_the_right_one" }],
    ["a stale timestamp (ten minutes old)", { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ["a garbage header", { signature: "t=1,v1=deadbeef" }],
  ])("refuses %s with 400 and writes nothing", async (_label, options) => {
    const { reader, paid, events } = await purchase();
    const created = findEvent(events, "customer.subscription.created");
    const { status } = await deliver(JSON.stringify(created), options);
    expect(status).toBe(400);
    expect(await db().subscription.findUnique({ where: { id: paid.subscriptionId } })).toBeNull();
    expect(await db().stripeEvent.findUnique({ where: { id: created.id } })).toBeNull();
    expect(await db().invoice.count({ where: { userId: reader.id } })).toBe(0);
  });

  it("refuses a body changed by one byte after signing", async () => {
    const { paid, events } = await purchase();
    const payload = JSON.stringify(findEvent(events, "customer.subscription.created"));
    const request = webhookRequest(payload);
    const tampered = new Request(request.url, {
      method: "POST",
      headers: request.headers,
      body: payload.replace("customer.subscription.created", "customer.subscription.createe"),
    });
    expect((await POST(tampered)).status).toBe(400);
    expect(await db().subscription.findUnique({ where: { id: paid.subscriptionId } })).toBeNull();
  });
});

describe("events", () => {
  it("a paid checkout makes the reader a subscriber", async () => {
    const { reader, paid, events } = await purchase();
    for (const type of ["customer.subscription.created", "invoice.paid", "checkout.session.completed"]) {
      const { status, body } = await deliver(JSON.stringify(findEvent(events, type)));
      expect([status, body.result]).toEqual([200, "processed"]);
    }
    expect(await db().subscription.findUnique({ where: { id: paid.subscriptionId } })).toMatchObject({
      userId: reader.id,
      status: "active",
      plan: "all_access_monthly",
      cancelAtPeriodEnd: false,
    });
    expect(await db().invoice.count({ where: { userId: reader.id, status: "paid" } })).toBe(1);
  });

  it("a replayed event changes nothing", async () => {
    const { paid, events } = await purchase();
    const payload = JSON.stringify(findEvent(events, "customer.subscription.created"));
    expect((await deliver(payload)).body.result).toBe("processed");
    const row = await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } });
    expect((await deliver(payload)).body.result).toBe("duplicate");
    expect(await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).toEqual(row);
  });

  it("two concurrent deliveries of one event are processed once", async () => {
    const { paid, events } = await purchase();
    const payload = JSON.stringify(findEvent(events, "invoice.paid"));
    const results = await Promise.all([deliver(payload), deliver(payload)]);
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    expect(results.map((result) => result.body.result).sort()).toEqual(["duplicate", "processed"]);
    expect(await db().invoice.count({ where: { subscriptionId: paid.subscriptionId } })).toBe(1);
  });

  it("an update delivered before the create still ends in Stripe's current state", async () => {
    const { paid } = await purchase();
    await stripe().subscriptions.update(paid.subscriptionId, { cancel_at_period_end: true });
    const events = await eventsAbout(paid);
    const updated = findEvent(events, "customer.subscription.updated");
    const created = findEvent(events, "customer.subscription.created");
    expect((await deliver(JSON.stringify(updated))).status).toBe(200);
    expect((await deliver(JSON.stringify(created))).status).toBe(200);
    expect(await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: true,
    });
  });

  it("two events for one subscription at once: a slow, older read of Stripe is not stored last", async () => {
    const { paid, events } = await purchase();
    expect((await deliver(JSON.stringify(findEvent(events, "customer.subscription.created")))).status).toBe(200);
    // The checkout's event reads the subscription while it is still renewing;
    // Stripe takes its time to answer.
    const slowRead = await holdNextRead(`/v1/subscriptions/${paid.subscriptionId}`);
    const first = deliver(JSON.stringify(findEvent(events, "checkout.session.completed")));
    await slowRead.arrived();
    // Meanwhile the reader cancels, and that event is delivered and stored.
    await stripe().subscriptions.update(paid.subscriptionId, { cancel_at_period_end: true });
    const updated = findEvent(await eventsAbout(paid), "customer.subscription.updated");
    expect((await deliver(JSON.stringify(updated))).body.result).toBe("processed");
    expect((await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).cancelAtPeriodEnd).toBe(
      true,
    );
    // Now the slow answer (still renewing) arrives: it must not undo the cancellation.
    await slowRead.release();
    expect(await first).toEqual({ status: 200, body: { received: true, result: "processed" } });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: true,
    });
    // Both events are recorded, each with its effect.
    expect(
      await db().stripeEvent.count({
        where: { id: { in: [updated.id, findEvent(events, "checkout.session.completed").id] } },
      }),
    ).toBe(2);
  });

  it("every event of a subscription delivered at once ends in Stripe's current state", async () => {
    const { paid } = await purchase();
    await stripe().subscriptions.update(paid.subscriptionId, { cancel_at_period_end: true });
    await stripe().subscriptions.update(paid.subscriptionId, { cancel_at_period_end: false });
    await stripe().subscriptions.update(paid.subscriptionId, { cancel_at_period_end: true });
    const events = await eventsAbout(paid);
    expect(events.length).toBeGreaterThanOrEqual(6);
    const results = await Promise.all(events.map((event) => deliver(JSON.stringify(event))));
    expect(results.map((result) => result.status)).toEqual(events.map(() => 200));
    expect(await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).toMatchObject({
      status: "active",
      cancelAtPeriodEnd: true,
    });
    expect(await db().invoice.count({ where: { subscriptionId: paid.subscriptionId, status: "paid" } })).toBe(1);
  });

  it("an event about a deleted reader's subscription is recorded and answered 200, not retried forever", async () => {
    const { reader, paid, events } = await purchase();
    expect((await deliver(JSON.stringify(findEvent(events, "customer.subscription.created")))).status).toBe(200);
    // The reader deletes the account: its subscription is cancelled at Stripe first, then every row goes.
    const issued = await issueAccountToken(reader.id, "deletion");
    if (!issued.issued) throw new Error("no deletion token");
    expect(await confirmAccountDeletion(issued.token)).toBe("deleted");
    const deleted = findEvent(await eventsAbout(paid), "customer.subscription.deleted");
    const first = await deliver(JSON.stringify(deleted));
    expect([first.status, first.body.result]).toEqual([200, "unowned"]);
    expect(await db().stripeEvent.findUnique({ where: { id: deleted.id } })).not.toBeNull();
    expect((await deliver(JSON.stringify(deleted))).body.result).toBe("duplicate");
    // Nobody was made a reader again by it.
    expect(await db().user.findUnique({ where: { email: reader.email } })).toBeNull();
    expect(await db().subscription.findUnique({ where: { id: paid.subscriptionId } })).toBeNull();
  });

  it("answers 200 to event types it does not handle, and records nothing", async () => {
    const event = {
      id: `evt_unhandled_${Date.now()}`,
      object: "event",
      type: "customer.tax_id.created",
      data: { object: {} },
    };
    const { status, body } = await deliver(JSON.stringify(event));
    expect([status, body.result]).toEqual([200, "ignored"]);
    expect(await db().stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
  });
});

describe("reconciliation", () => {
  it("restores a subscription row that was lost, and repairs drift", async () => {
    const { reader, paid, events } = await purchase();
    await deliver(JSON.stringify(findEvent(events, "customer.subscription.created")));
    await db().subscription.delete({ where: { id: paid.subscriptionId } });

    const report = await reconcileSubscriptions();
    expect(report.repaired).toBeGreaterThanOrEqual(1);
    expect(await db().subscription.findUnique({ where: { id: paid.subscriptionId } })).toMatchObject({
      userId: reader.id,
      status: "active",
    });

    await db().subscription.update({ where: { id: paid.subscriptionId }, data: { status: "canceled" } });
    await reconcileSubscriptions();
    expect((await db().subscription.findUniqueOrThrow({ where: { id: paid.subscriptionId } })).status).toBe("active");
  });
});
