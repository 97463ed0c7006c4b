// Webhook delivery: signed so that the SDK's constructEvent accepts it,
// asynchronous, retried, pausable and reorderable, and redeliverable.
import http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryAttempt } from "./webhook-sender";
import {
  startTestEmulator,
  startWebhookReceiver,
  subscribe,
  waitFor,
  webhookSecret,
  type TestEmulator,
  type WebhookReceiver,
} from "./test-harness";

let t: TestEmulator;
let receiver: WebhookReceiver;
beforeAll(async () => {
  t = await startTestEmulator();
});
beforeEach(async () => {
  await t.control("POST", "/_emulator/reset");
  receiver = await startWebhookReceiver(t.stripe);
  t.emulator.setWebhookUrl(receiver.url);
});
afterEach(() => receiver.close());
afterAll(() => t.emulator.stop());

const types = () => receiver.received.map((entry) => entry.event.type);

describe("webhooks", () => {
  it("delivers every event in order with a signature constructEvent accepts", async () => {
    const { subscription } = await subscribe(t.stripe);
    await waitFor(() => receiver.received.length === 3, "three deliveries");
    expect(types()).toEqual(["customer.subscription.created", "invoice.paid", "checkout.session.completed"]);
    expect(receiver.rejected).toEqual([]);

    const [created] = receiver.received;
    expect(created!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(created!.event).toMatchObject({
      object: "event",
      api_version: "2026-10-28.endive",
      livemode: false,
      pending_webhooks: 1,
    });
    if (created!.event.type !== "customer.subscription.created") throw new Error("unexpected type");
    expect(created!.event.data.object.id).toBe(subscription.id);
    expect(await t.stripe.events.retrieve(created!.event.id)).toMatchObject({
      id: created!.event.id,
      pending_webhooks: 0,
    });

    // The same body under another secret must not verify.
    expect(() => t.stripe.webhooks.constructEvent(created!.rawBody, created!.signature, "whsec_other")).toThrow(
      /signature/i,
    );
    expect(() => t.stripe.webhooks.constructEvent(created!.rawBody, created!.signature, webhookSecret)).not.toThrow();
  });

  it("signs with real time, so events after a clock jump still verify", async () => {
    await subscribe(t.stripe);
    await t.control("POST", "/_emulator/clock/advance", { seconds: 40 * 86_400 });
    await waitFor(() => receiver.received.length === 5, "five deliveries");
    expect(receiver.rejected).toEqual([]);
    expect(types().slice(3)).toEqual(["invoice.paid", "customer.subscription.updated"]);
  });

  it("retries a delivery the endpoint answered with 500", async () => {
    receiver.respondWith((event, delivery) => (event.type === "invoice.paid" && delivery === 1 ? 500 : 200));
    await subscribe(t.stripe);
    await waitFor(
      () => receiver.received.filter((entry) => entry.status === 200).length === 3,
      "three successful deliveries",
    );
    const paid = receiver.received.filter((entry) => entry.event.type === "invoice.paid");
    expect(paid.map((entry) => entry.status)).toEqual([500, 200]);
    expect(paid[0]!.event.id).toBe(paid[1]!.event.id);

    const { data } = await t.control<{ data: DeliveryAttempt[] }>(
      "GET",
      `/_emulator/deliveries?event=${paid[0]!.event.id}`,
    );
    expect(data.map(({ attempt, status }) => ({ attempt, status }))).toEqual([
      { attempt: 1, status: 500 },
      { attempt: 2, status: 200 },
    ]);
  });

  it("retries when the endpoint is unreachable", async () => {
    const closed = await startWebhookReceiver(t.stripe);
    await closed.close();
    t.emulator.setWebhookUrl(closed.url);
    await subscribe(t.stripe);
    const failures = async () => {
      const { data } = await t.control<{ data: DeliveryAttempt[] }>("GET", "/_emulator/deliveries");
      return data.filter((attempt) => attempt.status === null);
    };
    let failed: DeliveryAttempt[] = [];
    while (failed.length === 0) failed = await failures();
    expect(failed[0]).toMatchObject({ attempt: 1, status: null, error: expect.any(String) });
    // The retries go to the endpoint as it is when they run.
    t.emulator.setWebhookUrl(receiver.url);
    await waitFor(() => receiver.received.length === 3, "deliveries after the retries");
    expect(receiver.rejected).toEqual([]);
  });

  it("holds deliveries while paused and releases them in reverse", async () => {
    await t.control("POST", "/_emulator/webhooks/pause");
    await subscribe(t.stripe);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);
    expect(await t.control("GET", "/_emulator/webhooks")).toMatchObject({ paused: true, queued: 3 });

    await t.control("POST", "/_emulator/webhooks/resume", { order: "reverse" });
    await waitFor(() => receiver.received.length === 3, "three deliveries");
    expect(types()).toEqual(["checkout.session.completed", "invoice.paid", "customer.subscription.created"]);
  });

  it("redelivers an event with the same id and a valid signature", async () => {
    await subscribe(t.stripe);
    await waitFor(() => receiver.received.length === 3, "three deliveries");
    const first = receiver.received[0]!.event;
    await t.control("POST", `/_emulator/events/${first.id}/redeliver`);
    await waitFor(() => receiver.received.length === 4, "the redelivery");
    expect(receiver.received[3]!.event.id).toBe(first.id);
    expect(receiver.received[3]!.event.data).toEqual(first.data);
    expect(receiver.rejected).toEqual([]);
  });

  it("answers the API without waiting for a slow endpoint", async () => {
    const { subscription } = await subscribe(t.stripe);
    await waitFor(() => receiver.received.length === 3, "three deliveries");
    const slow = await startSlowEndpoint(1000);
    t.emulator.setWebhookUrl(slow.url);
    const started = Date.now();
    await t.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    expect(Date.now() - started).toBeLessThan(500);
    await slow.close();
  });
});

async function startSlowEndpoint(delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    setTimeout(() => response.writeHead(200).end(), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
