// GET /v1/customers/search, Stripe's search query language on customers,
// through the SDK's customers.search (and its auto-pagination).
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./test-harness";

let t: TestEmulator;
let ada: Stripe.Customer;
let grace: Stripe.Customer;
beforeAll(async () => {
  t = await startTestEmulator();
  ada = await t.stripe.customers.create({
    email: "Ada@Example.com",
    name: "Ada Lovelace",
    metadata: { userId: "u-ada" },
  });
  grace = await t.stripe.customers.create({
    email: "grace@example.org",
    name: "Grace Hopper",
    metadata: { userId: "u-grace" },
  });
});
afterAll(() => t.emulator.stop());

const ids = (result: { data: Stripe.Customer[] }) => result.data.map((customer) => customer.id).sort();

describe("customers.search", () => {
  it("finds a customer by email and by metadata", async () => {
    const byEmail = await t.stripe.customers.search({ query: "email:'ada@example.com'" });
    expect(byEmail).toMatchObject({
      object: "search_result",
      has_more: false,
      next_page: null,
      url: "/v1/customers/search",
    });
    expect(ids(byEmail)).toEqual([ada.id]);
    expect(ids(await t.stripe.customers.search({ query: `metadata['userId']:"u-grace"` }))).toEqual([grace.id]);
    expect(ids(await t.stripe.customers.search({ query: "email:'nobody@example.com'" }))).toEqual([]);
  });

  it("combines clauses with AND or OR, negates, and matches parts with ~", async () => {
    const both = await t.stripe.customers.search({ query: "email:'ada@example.com' OR metadata['userId']:'u-grace'" });
    expect(ids(both)).toEqual([ada.id, grace.id].sort());
    expect(ids(await t.stripe.customers.search({ query: "name~'hopper' AND -email:'ada@example.com'" }))).toEqual([
      grace.id,
    ]);
    expect(ids(await t.stripe.customers.search({ query: `created>=${ada.created} AND name:'Ada Lovelace'` }))).toEqual([
      ada.id,
    ]);
  });

  it("pages through results with next_page", async () => {
    const many = [];
    for (let i = 0; i < 5; i++)
      many.push(await t.stripe.customers.create({ email: `page-${i}@example.net`, metadata: { batch: "paged" } }));
    const first = await t.stripe.customers.search({ query: "metadata['batch']:'paged'", limit: 2 });
    expect(first.has_more).toBe(true);
    expect(first.next_page).toEqual(expect.any(String));
    const all = await t.stripe.customers
      .search({ query: "metadata['batch']:'paged'", limit: 2 })
      .autoPagingToArray({ limit: 10 });
    expect(all.map((customer) => customer.id).sort()).toEqual(many.map((customer) => customer.id).sort());
  });

  it("refuses what Stripe refuses, naming the query", async () => {
    for (const query of [
      "address.city:'Paris'",
      "email:'a@example.com' AND name:'A' OR name:'B'",
      "email:",
      "name~'ab'",
    ]) {
      const error = await t.stripe.customers.search({ query }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      expect(error).toMatchObject({ statusCode: 400, param: "query" });
    }
    const missing = await t.stripe.customers
      .search({} as Stripe.CustomerSearchParams)
      .catch((caught: unknown) => caught);
    expect(missing).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "query" });
  });
});
