// Errors come back in Stripe's format, so the SDK throws its own error
// classes with `param`, `code` and `statusCode` set.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caught, startTestEmulator, subscribe, type TestEmulator } from "./test-harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.emulator.stop());

describe("errors", () => {
  it("a missing required param is a StripeInvalidRequestError naming the param", async () => {
    const error = await caught(
      t.stripe.checkout.sessions.create({ line_items: [{ price: "price_all_access_monthly", quantity: 1 }] }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      param: "mode",
      code: "parameter_missing",
      type: "StripeInvalidRequestError",
    });

    const noCustomer = await caught(t.stripe.billingPortal.sessions.create({ customer: "" }));
    expect(noCustomer).toMatchObject({ param: "customer", code: "parameter_missing" });
  });

  it("an unknown id in the URL is a 404 resource_missing", async () => {
    for (const call of [
      t.stripe.customers.retrieve("cus_nope"),
      t.stripe.subscriptions.retrieve("sub_nope"),
      t.stripe.checkout.sessions.retrieve("cs_test_nope"),
      t.stripe.invoices.retrieve("in_nope"),
      t.stripe.events.retrieve("evt_nope"),
      t.stripe.prices.retrieve("price_nope"),
    ]) {
      const error = await caught(call);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id" });
      expect(error.message).toMatch(/^No such \w+/);
    }
  });

  it("an unknown id in a param is a 400 resource_missing naming the param", async () => {
    const error = await caught(
      t.stripe.checkout.sessions.create({
        mode: "subscription",
        customer: "cus_nope",
        line_items: [{ price: "price_all_access_monthly", quantity: 1 }],
      }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
    const price = await caught(
      t.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: "price_nope", quantity: 1 }] }),
    );
    expect(price).toMatchObject({ code: "resource_missing", param: "line_items[0][price]" });
  });

  it("a wrong API key is a StripeAuthenticationError", async () => {
    const stranger = new Stripe("sk_test_wrong_key_123456", {
      host: "127.0.0.1",
      port: t.emulator.port,
      protocol: "http",
    });
    const error = await caught(stranger.customers.list());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    const anonymous = await fetch(`${t.emulator.url}/v1/customers`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect((await fetch(`${t.emulator.url}/_emulator/clock`)).status).toBe(401);
  });

  it("reusing an idempotency key with other params is a StripeIdempotencyError", async () => {
    await t.stripe.customers.create({ email: "one@example.com" }, { idempotencyKey: "reused-key" });
    const error = await caught(
      t.stripe.customers.create({ email: "two@example.com" }, { idempotencyKey: "reused-key" }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("an unsupported endpoint is a 404 naming the URL", async () => {
    const error = await caught(t.stripe.charges.list());
    expect(error).toMatchObject({ statusCode: 404 });
    expect(error.message).toContain("Unrecognized request URL (GET: /v1/charges)");
  });

  it("rejects changes to a canceled subscription, and leaves it as it was", async () => {
    const { subscription } = await subscribe(t.stripe);
    await t.stripe.subscriptions.cancel(subscription.id);
    const error = await caught(
      t.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true, metadata: { a: "b" } }),
    );
    expect(error).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError" });
    expect((await t.stripe.subscriptions.retrieve(subscription.id)).metadata).toEqual({});
    const again = await caught(t.stripe.subscriptions.cancel(subscription.id));
    expect(again.statusCode).toBe(400);
  });
});
