// Parameters are checked as Stripe checks them: a name Stripe does not know
// is a 400 parameter_unknown, so a misspelt parameter fails in tests rather
// than in production; nested names are checked too, metadata stays
// free-form, and every error with a code links to its documentation.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caught, startTestEmulator, subscribe, type TestEmulator } from "./test-harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.emulator.stop());

const monthly = [{ price: "price_all_access_monthly", quantity: 1 }];
const unknownParam = (param: string) => ({
  statusCode: 400,
  type: "StripeInvalidRequestError",
  code: "parameter_unknown",
  param,
  message: `Received unknown parameter: ${param}`,
  doc_url: "https://stripe.com/docs/error-codes/parameter-unknown",
});

describe("unknown parameters", () => {
  it("refuses a misspelt success_url with Stripe's parameter_unknown error", async () => {
    const params = { mode: "subscription", line_items: monthly, succes_url: "https://folio.test/return" };
    const error = await caught(t.stripe.checkout.sessions.create(params as Stripe.Checkout.SessionCreateParams));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject(unknownParam("succes_url"));
    expect((await t.stripe.checkout.sessions.list({ limit: 100 })).data).toEqual([]);

    const raw = await fetch(`${t.emulator.url}/v1/checkout/sessions`, {
      method: "POST",
      headers: { Authorization: "Bearer sk_test_emulator", "Content-Type": "application/x-www-form-urlencoded" },
      body: "mode=subscription&line_items[0][price]=price_all_access_monthly&line_items[0][quantity]=1&succes_url=x",
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "parameter_unknown",
        param: "succes_url",
        message: "Received unknown parameter: succes_url",
        doc_url: "https://stripe.com/docs/error-codes/parameter-unknown",
      },
    });
  });

  it("names a nested unknown parameter in bracket form", async () => {
    const lineTypo = await caught(
      t.stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: [{ pricee: "price_all_access_monthly", quantity: 1 }],
      } as unknown as Stripe.Checkout.SessionCreateParams),
    );
    expect(lineTypo).toMatchObject(unknownParam("line_items[0][pricee]"));

    const dataTypo = await caught(
      t.stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: monthly,
        subscription_data: { metdata: { userId: "u1" } },
      } as unknown as Stripe.Checkout.SessionCreateParams),
    );
    expect(dataTypo).toMatchObject(unknownParam("subscription_data[metdata]"));

    const { subscription } = await subscribe(t.stripe);
    const itemTypo = await caught(
      t.stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0]!.id, prise: "price_all_access_annual" }],
      } as unknown as Stripe.SubscriptionUpdateParams),
    );
    expect(itemTypo).toMatchObject(unknownParam("items[0][prise]"));
  });

  it("checks the parameters of reads and lists too", async () => {
    const customer = await t.stripe.customers.create({ email: "lists@example.com" });
    for (const [call, param] of [
      [t.stripe.customers.list({ emial: "lists@example.com" } as Stripe.CustomerListParams), "emial"],
      [t.stripe.customers.retrieve(customer.id, { expnd: ["test_clock"] } as Stripe.CustomerRetrieveParams), "expnd"],
      [t.stripe.prices.list({ lookup_key: ["all_access_monthly"] } as Stripe.PriceListParams), "lookup_key"],
      [t.stripe.subscriptions.list({ state: "all" } as Stripe.SubscriptionListParams), "state"],
      [t.stripe.invoices.list({ customr: customer.id } as Stripe.InvoiceListParams), "customr"],
      [t.stripe.events.list({ typ: "invoice.paid" } as Stripe.EventListParams), "typ"],
      [t.stripe.customers.update(customer.id, { emali: "x@example.com" } as Stripe.CustomerUpdateParams), "emali"],
      [
        t.stripe.billingPortal.sessions.create({
          customer: customer.id,
          retrun_url: "https://folio.test",
        } as Stripe.BillingPortal.SessionCreateParams),
        "retrun_url",
      ],
    ] as const) {
      expect(await caught(call)).toMatchObject(unknownParam(param));
    }
  });

  it("refuses a misspelt test control parameter", async () => {
    const response = await fetch(`${t.emulator.url}/_emulator/clock/advance`, {
      method: "POST",
      headers: { Authorization: "Bearer sk_test_emulator", "Content-Type": "application/json" },
      body: JSON.stringify({ secnds: 60 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "parameter_unknown", param: "secnds" } });
  });
});

describe("known parameters", () => {
  it("takes free-form metadata, expand[] and the parameters Folio sends", async () => {
    const customer = await t.stripe.customers.create({
      email: "folio@example.com",
      metadata: { userId: "u1", "any key at all": "kept" },
      expand: ["test_clock"],
    });
    expect(customer.metadata).toEqual({ userId: "u1", "any key at all": "kept" });
    const session = await t.stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      client_reference_id: "u1",
      line_items: monthly,
      subscription_data: { metadata: { userId: "u1" } },
      metadata: { plan: "monthly", returnTo: "/", userId: "u1" },
      success_url: "https://folio.test/subscribe/return?session_id={CHECKOUT_SESSION_ID}",
      cancel_url: "https://folio.test/subscribe?canceled=1",
      expand: ["line_items.data.price.product", "customer"],
    });
    expect(session.metadata).toEqual({ plan: "monthly", returnTo: "/", userId: "u1" });
    const prices = await t.stripe.prices.list({
      lookup_keys: ["all_access_monthly", "all_access_annual"],
      active: true,
      expand: ["data.product"],
    });
    expect(prices.data).toHaveLength(2);
  });

  it("refuses a parameter Stripe has but the emulator does not act on, saying so", async () => {
    const error = await caught(
      t.stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: monthly,
        automatic_tax: { enabled: true },
      }),
    );
    expect(error).toMatchObject({ statusCode: 400, param: "automatic_tax", code: undefined });
    expect(error.message).toContain("the Stripe emulator does not implement");
  });

  it("gives every error with a code the link to its documentation", async () => {
    const missing = await caught(
      t.stripe.checkout.sessions.create({ line_items: monthly } as Stripe.Checkout.SessionCreateParams),
    );
    expect(missing).toMatchObject({
      code: "parameter_missing",
      doc_url: "https://stripe.com/docs/error-codes/parameter-missing",
    });
    const notFound = await caught(t.stripe.customers.retrieve("cus_nope"));
    expect(notFound).toMatchObject({
      code: "resource_missing",
      doc_url: "https://stripe.com/docs/error-codes/resource-missing",
    });
  });
});
