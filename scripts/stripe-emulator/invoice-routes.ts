// /v1/invoices: read and list. Invoices are made by Checkout, renewals and
// plan switches; apps only read them (e.g. for a billing history).
import { apiRoute } from "./api-route";
import { newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { expand, pagination, params, retrieveParams, value } from "./param-schemas";
import { expandList, optionalString } from "./request-params";
import { noSuchResource } from "./stripe-error";

const listParams = params(
  { customer: value, subscription: value, status: value, expand, ...pagination },
  { notEmulated: ["collection_method", "created", "customer_account", "due_date"] },
);

export const invoiceRoutes = [
  apiRoute("GET", "/v1/invoices", listParams, ({ core, params }) => {
    const customer = optionalString(params, "customer");
    const subscription = optionalString(params, "subscription");
    const status = optionalString(params, "status");
    const invoices = newestFirst(core.state.invoices).filter(
      (invoice) =>
        (customer === undefined || invoice.customer === customer) &&
        (subscription === undefined || invoice.parent.subscription_details.subscription === subscription) &&
        (status === undefined || invoice.status === status),
    );
    return expandObject(core.state, listPage(invoices, params, "/v1/invoices"), expandList(params));
  }),

  apiRoute("GET", "/v1/invoices/:id", retrieveParams, ({ core, params, ids }) => {
    const invoice = core.state.invoices[ids[0]!];
    if (!invoice) throw noSuchResource("invoice", ids[0]!);
    return expandObject(core.state, invoice, expandList(params));
  }),
];
