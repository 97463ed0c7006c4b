// /v1/customers: create, retrieve, update, delete and list (with the
// `email` filter apps use to find an existing customer). A deleted customer
// stays retrievable as `{ id, object, deleted: true }`, as on Stripe, and
// deleting one cancels its subscriptions.
import { apiRoute, type ApiCall } from "./api-route";
import { applyCustomerFields, createCustomer } from "./create-customer";
import { liveCustomer, newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { expandList, optionalString } from "./request-params";
import { noSuchResource } from "./stripe-error";
import type { CustomerObject } from "./stripe-objects";
import { cancelNow } from "./subscription-changes";

function findLiveCustomer({ core, ids }: ApiCall): CustomerObject {
  const customer = liveCustomer(core.state, ids[0]!);
  if (!customer) throw noSuchResource("customer", ids[0]!);
  return customer;
}

export const customerRoutes = [
  apiRoute("POST", "/v1/customers", ({ core, params }) =>
    expandObject(core.state, createCustomer(core, params), expandList(params)),
  ),

  apiRoute("GET", "/v1/customers", ({ core, params }) => {
    const email = optionalString(params, "email");
    const customers = newestFirst(core.state.customers).filter(
      (customer): customer is CustomerObject =>
        !("deleted" in customer) && (email === undefined || customer.email === email),
    );
    return expandObject(core.state, listPage(customers, params, "/v1/customers"), expandList(params));
  }),

  apiRoute("GET", "/v1/customers/:id", (call) => {
    const customer = call.core.state.customers[call.ids[0]!];
    if (!customer) throw noSuchResource("customer", call.ids[0]!);
    return expandObject(call.core.state, customer, expandList(call.params));
  }),

  apiRoute("POST", "/v1/customers/:id", (call) => {
    const customer = findLiveCustomer(call);
    applyCustomerFields(customer, call.params);
    return expandObject(call.core.state, customer, expandList(call.params));
  }),

  apiRoute("DELETE", "/v1/customers/:id", (call) => {
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
