// /v1/billing_portal/sessions: a link to the emulator's hosted Customer
// Portal for one customer (hosted-portal-page.ts). Like Stripe's, the link
// itself is the credential, so the page needs no API key.
import { apiRoute } from "./api-route";
import { liveCustomer } from "./emulator-state";
import { expandObject } from "./expand-object";
import { newId } from "./new-id";
import { expand, params, value } from "./param-schemas";
import { expandList, optionalString, requiredString } from "./request-params";
import { invalidParam, noSuchResource } from "./stripe-error";
import type { PortalSessionObject } from "./stripe-objects";

const createParams = params(
  { customer: value, return_url: value, expand },
  { notEmulated: ["after_expiration", "configuration", "customer_account", "flow_data", "locale", "on_behalf_of"] },
);

export const billingPortalRoutes = [
  apiRoute("POST", "/v1/billing_portal/sessions", createParams, ({ core, params }) => {
    const customer = requiredString(params, "customer");
    if (!liveCustomer(core.state, customer)) throw noSuchResource("customer", customer, "customer");
    const returnUrl = optionalString(params, "return_url") || null;
    if (returnUrl !== null && !URL.canParse(returnUrl))
      throw invalidParam("return_url", "Not a valid URL", "url_invalid");
    const id = newId("bps");
    const session: PortalSessionObject = {
      id,
      object: "billing_portal.session",
      configuration: "bpc_emulator_default",
      created: core.clock.now(),
      customer,
      customer_account: null,
      flow: null,
      livemode: false,
      locale: null,
      on_behalf_of: null,
      return_url: returnUrl,
      url: `${core.baseUrl}/portal/${id}`,
    };
    core.state.portalSessions[id] = session;
    return expandObject(core.state, session, expandList(params));
  }),
];
