// /v1/checkout/sessions: creates subscription-mode sessions whose `url` is
// the emulator's hosted Checkout page, and reads them back. The payment
// itself happens on that page (hosted-checkout-page.ts).
import { apiRoute } from "./api-route";
import { createCheckoutSession } from "./create-checkout-session";
import { emitEvent } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { newestFirst } from "./emulator-state";
import { expandObject } from "./expand-object";
import { listPage } from "./list-page";
import { expand, list, metadata, pagination, params, retrieveParams, value } from "./param-schemas";
import { expandList, optionalString, type Params } from "./request-params";
import { invalidRequest, noSuchResource } from "./stripe-error";
import type { CheckoutSessionObject } from "./stripe-objects";

function findSession(core: EmulatorCore, id: string): CheckoutSessionObject {
  const session = core.state.checkoutSessions[id];
  if (!session) throw noSuchResource("checkout.session", id);
  return session;
}

/** `line_items` is not stored on the session: Stripe includes it only when asked to expand it. */
function respond(core: EmulatorCore, session: CheckoutSessionObject, params: Params): unknown {
  const expand = expandList(params);
  const withLines = expand.some((path) => path === "line_items" || path.startsWith("line_items."))
    ? { ...session, line_items: lineItemList(core, session.id) }
    : session;
  return expandObject(core.state, withLines, expand);
}

function lineItemList(core: EmulatorCore, id: string) {
  const data = core.state.checkoutSessionDetails[id]?.lineItems ?? [];
  return { object: "list" as const, data, has_more: false, url: `/v1/checkout/sessions/${id}/line_items` };
}

const lineItem = params(
  { price: value, quantity: value },
  { notEmulated: ["adjustable_quantity", "metadata", "price_data", "tax_rates"] },
);
const subscriptionData = params(
  { metadata, trial_period_days: value, trial_end: value },
  {
    notEmulated: [
      "application_fee_percent",
      "billing_cycle_anchor",
      "billing_cycle_anchor_config",
      "billing_mode",
      "default_tax_rates",
      "description",
      "invoice_settings",
      "on_behalf_of",
      "pending_invoice_item_interval",
      "proration_behavior",
      "transfer_data",
      "trial_settings",
    ],
  },
);
const createParams = params(
  {
    mode: value,
    customer: value,
    customer_email: value,
    client_reference_id: value,
    line_items: list(lineItem),
    subscription_data: subscriptionData,
    metadata,
    success_url: value,
    cancel_url: value,
    allow_promotion_codes: value,
    discounts: list(params({ coupon: value, promotion_code: value })),
    expand,
  },
  {
    notEmulated: [
      "adaptive_pricing",
      "after_expiration",
      "allowed_payment_method_types",
      "automatic_tax",
      "billing_address_collection",
      "branding_settings",
      "consent_collection",
      "currency",
      "custom_fields",
      "custom_text",
      "customer_account",
      "customer_creation",
      "customer_update",
      "excluded_payment_method_types",
      "expires_at",
      "integration_identifier",
      "invoice_creation",
      "locale",
      "managed_payments",
      "name_collection",
      "optional_items",
      "origin_context",
      "payment_intent_data",
      "payment_method_collection",
      "payment_method_configuration",
      "payment_method_data",
      "payment_method_options",
      "permissions",
      "phone_number_collection",
      "redirect_on_completion",
      "return_url",
      "saved_payment_method_options",
      "setup_intent_data",
      "shipping_address_collection",
      "shipping_options",
      "submit_type",
      "tax_id_collection",
      "ui_mode",
      "wallet_options",
    ],
  },
);
const listParams = params(
  { customer: value, subscription: value, status: value, expand, ...pagination },
  { notEmulated: ["created", "customer_account", "customer_details", "payment_intent", "payment_link"] },
);
const lineItemListParams = params({ expand, ...pagination });

export const checkoutSessionRoutes = [
  apiRoute("POST", "/v1/checkout/sessions", createParams, ({ core, params }) =>
    respond(core, createCheckoutSession(core, params), params),
  ),

  apiRoute("GET", "/v1/checkout/sessions", listParams, ({ core, params }) => {
    const customer = optionalString(params, "customer");
    const subscription = optionalString(params, "subscription");
    const status = optionalString(params, "status");
    const sessions = newestFirst(core.state.checkoutSessions).filter(
      (session) =>
        (customer === undefined || session.customer === customer) &&
        (subscription === undefined || session.subscription === subscription) &&
        (status === undefined || session.status === status),
    );
    return expandObject(core.state, listPage(sessions, params, "/v1/checkout/sessions"), expandList(params));
  }),

  apiRoute("GET", "/v1/checkout/sessions/:id", retrieveParams, ({ core, params, ids }) =>
    respond(core, findSession(core, ids[0]!), params),
  ),

  apiRoute("GET", "/v1/checkout/sessions/:id/line_items", lineItemListParams, ({ core, params, ids }) => {
    findSession(core, ids[0]!);
    const lines = lineItemList(core, ids[0]!);
    return expandObject(core.state, listPage(lines.data, params, lines.url), expandList(params));
  }),

  apiRoute("POST", "/v1/checkout/sessions/:id/expire", retrieveParams, ({ core, params, ids, cause }) => {
    const session = findSession(core, ids[0]!);
    if (session.status !== "open") throw invalidRequest(`Only Checkout Sessions with a status of open can be expired.`);
    session.status = "expired";
    session.url = null;
    emitEvent(core, "checkout.session.expired", session, { cause });
    return respond(core, session, params);
  }),
];
