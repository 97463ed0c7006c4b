// /v1/customers: create, retrieve, update, delete, list (with the `email`
// filter apps use to find an existing customer) and search (Stripe's query
// language, search-customers.ts). A deleted customer
// stays retrievable as `{ id, object, deleted: true }`, as on Stripe, and
// deleting one cancels its subscriptions.
import { apiRoute, type ApiCall } from "./api-route";
import { applyCustomerFields, createCustomer } from "./create-customer";
import { liveCustomer, newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { expand, metadata, noParams, pagination, params, retrieveParams, value } from "./param-schemas";
import { expandList, optionalInteger, optionalString, requiredString, type Params } from "./request-params";
import { customerQuery } from "./search-customers";
import { invalidParam, noSuchResource } from "./stripe-error";
import type { CustomerObject } from "./stripe-objects";
import { cancelNow } from "./subscription-changes";

function findLiveCustomer({ core, ids }: ApiCall): CustomerObject {
  const customer = liveCustomer(core.state, ids[0]!);
  if (!customer) throw noSuchResource("customer", ids[0]!);
  return customer;
}

// What Stripe takes beside the fields the emulator keeps (create-customer.ts).
const notEmulatedFields = [
  "address",
  "balance",
  "business_name",
  "cash_balance",
  "individual_name",
  "invoice_prefix",
  "invoice_settings",
  "next_invoice_sequence",
  "preferred_locales",
  "shipping",
  "source",
  "tax",
  "tax_exempt",
  "validate",
];
const fields = { email: value, name: value, description: value, phone: value, metadata, expand };
const createParams = params(fields, {
  notEmulated: [...notEmulatedFields, "payment_method", "tax_id_data", "test_clock"],
});
const updateParams = params(fields, { notEmulated: [...notEmulatedFields, "default_source"] });
const listParams = params({ email: value, expand, ...pagination }, { notEmulated: ["created", "test_clock"] });
const searchParams = params({ query: value, limit: value, page: value, expand });

/** A search page: `page` is the opaque cursor of the previous page's `next_page`, here an offset. */
function searchPage(core: ApiCall["core"], query: Params) {
  const matches = customerQuery(requiredString(query, "query"));
  const limit = optionalInteger(query, "limit") ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidParam("limit", "Limit must be between 1 and 100.", "parameter_invalid_integer");
  const page = optionalString(query, "page");
  const offset = page
    ? Number(
        Buffer.from(page, "base64url")
          .toString("utf8")
          .replace(/^offset:/, ""),
      )
    : 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalidParam("page", `Invalid page: ${page}`);
  const found = newestFirst(core.state.customers).filter(
    (customer): customer is CustomerObject => !("deleted" in customer) && matches(customer),
  );
  const data = found.slice(offset, offset + limit);
  const hasMore = offset + limit < found.length;
  return {
    object: "search_result" as const,
    data,
    has_more: hasMore,
    next_page: hasMore ? Buffer.from(`offset:${offset + limit}`).toString("base64url") : null,
    url: "/v1/customers/search",
  };
}

export const customerRoutes = [
  apiRoute("POST", "/v1/customers", createParams, ({ core, params }) =>
    expandObject(core.state, createCustomer(core, params), expandList(params)),
  ),

  apiRoute("GET", "/v1/customers", listParams, ({ core, params }) => {
    const email = optionalString(params, "email");
    const customers = newestFirst(core.state.customers).filter(
      (customer): customer is CustomerObject =>
        !("deleted" in customer) && (email === undefined || customer.email === email),
    );
    return expandObject(core.state, listPage(customers, params, "/v1/customers"), expandList(params));
  }),

  // Before /v1/customers/:id, which would take "search" for an id.
  apiRoute("GET", "/v1/customers/search", searchParams, ({ core, params }) =>
    expandObject(core.state, searchPage(core, params), expandList(params)),
  ),

  apiRoute("GET", "/v1/customers/:id", retrieveParams, (call) => {
    const customer = call.core.state.customers[call.ids[0]!];
    if (!customer) throw noSuchResource("customer", call.ids[0]!);
    return expandObject(call.core.state, customer, expandList(call.params));
  }),

  apiRoute("POST", "/v1/customers/:id", updateParams, (call) => {
    const customer = findLiveCustomer(call);
    applyCustomerFields(customer, call.params);
    return expandObject(call.core.state, customer, expandList(call.params));
  }),

  apiRoute("DELETE", "/v1/customers/:id", noParams, (call) => {
    const customer = findLiveCustomer(call);
    for (const subscription of Object.values(call.core.state.subscriptions)) {
      if (subscription.customer === customer.id && subscription.status !== "canceled")
        cancelNow(call.core, subscription, call.cause);
    }
    const deleted = { id: customer.id, object: "customer" as const, deleted: true as const };
    call.core.state.customers[customer.id] = deleted;
    return deleted;
  }),
];
