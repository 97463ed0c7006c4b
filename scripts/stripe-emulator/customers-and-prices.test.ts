// Conformance of customers and the catalogue, through the real SDK.
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { expanded, startTestEmulator, type TestEmulator } from "./test-harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.emulator.stop());

describe("customers", () => {
  it("creates, retrieves, updates and finds a customer by email", async () => {
    const created = await t.stripe.customers.create({ email: "ada@example.com", metadata: { userId: "u1" } });
    expectTypeOf(created).toMatchTypeOf<Stripe.Customer>();
    expect(created).toMatchObject({
      object: "customer",
      email: "ada@example.com",
      metadata: { userId: "u1" },
      livemode: false,
    });
    expect(created.id).toMatch(/^cus_/);
    expect(created.created).toBeTypeOf("number");

    const updated = await t.stripe.customers.update(created.id, {
      email: "ada@example.org",
      metadata: { plan: "pro", userId: "" },
    });
    expect(updated.email).toBe("ada@example.org");
    expect(updated.metadata).toEqual({ plan: "pro" });

    const retrieved = await t.stripe.customers.retrieve(created.id);
    expect(retrieved.deleted).toBeUndefined();
    expect(retrieved).toMatchObject({ id: created.id, email: "ada@example.org" });

    const found = await t.stripe.customers.list({ email: "ada@example.org" });
    expect(found).toMatchObject({ object: "list", has_more: false, url: "/v1/customers" });
    expect(found.data.map((customer) => customer.id)).toEqual([created.id]);
  });

  it("deletes a customer, which stays retrievable as deleted", async () => {
    const customer = await t.stripe.customers.create({ email: "gone@example.com" });
    const deleted = await t.stripe.customers.del(customer.id);
    expect(deleted).toMatchObject({ id: customer.id, object: "customer", deleted: true });
    expect(await t.stripe.customers.retrieve(customer.id)).toMatchObject({ deleted: true });
    expect((await t.stripe.customers.list({ email: "gone@example.com" })).data).toEqual([]);
  });

  it("pages through customers with the SDK's auto-pagination", async () => {
    const email = "many@example.com";
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) ids.push((await t.stripe.customers.create({ email })).id);
    const seen: string[] = [];
    for await (const customer of t.stripe.customers.list({ email, limit: 2 })) seen.push(customer.id);
    expect(seen).toEqual(ids.reverse());
  });
});

describe("catalogue", () => {
  it("lists the All-Access prices by lookup key, with the product expanded", async () => {
    const prices = await t.stripe.prices.list({
      lookup_keys: ["all_access_monthly", "all_access_annual"],
      active: true,
      expand: ["data.product"],
    });
    const byKey = Object.fromEntries(prices.data.map((price) => [price.lookup_key, price]));
    expect(byKey.all_access_monthly).toMatchObject({
      object: "price",
      unit_amount: 1200,
      currency: "usd",
      type: "recurring",
      recurring: { interval: "month", interval_count: 1 },
      active: true,
    });
    expect(byKey.all_access_annual).toMatchObject({ unit_amount: 12000, recurring: { interval: "year" } });
    const product = expanded(byKey.all_access_monthly!.product) as Stripe.Product;
    expect(product).toMatchObject({ id: "prod_all_access", object: "product", name: "All-Access", active: true });
  });

  it("filters by lookup key and retrieves a price and its product", async () => {
    const annual = await t.stripe.prices.list({ lookup_keys: ["all_access_annual"] });
    expect(annual.data).toHaveLength(1);
    const price = await t.stripe.prices.retrieve(annual.data[0]!.id, { expand: ["product"] });
    expect(expanded(price.product)).toMatchObject({ name: "All-Access" });
    const product = await t.stripe.products.retrieve("prod_all_access");
    expect(product.name).toBe("All-Access");
    expect((await t.stripe.prices.list({ lookup_keys: ["no_such_key"] })).data).toEqual([]);
  });
});
