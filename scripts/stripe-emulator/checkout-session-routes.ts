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

export const checkoutSessionRoutes = [
  apiRoute("POST", "/v1/checkout/sessions", ({ core, params }) =>
    respond(core, createCheckoutSession(core, params), params),
  ),

  apiRoute("GET", "/v1/checkout/sessions", ({ core, params }) => {
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

  apiRoute("GET", "/v1/checkout/sessions/:id", ({ core, params, ids }) =>
    respond(core, findSession(core, ids[0]!), params),
  ),

  apiRoute("GET", "/v1/checkout/sessions/:id/line_items", ({ core, params, ids }) => {
    findSession(core, ids[0]!);
    const lines = lineItemList(core, ids[0]!);
    return expandObject(core.state, listPage(lines.data, params, lines.url), expandList(params));
  }),

  apiRoute("POST", "/v1/checkout/sessions/:id/expire", ({ core, params, ids, cause }) => {
    const session = findSession(core, ids[0]!);
    if (session.status !== "open") throw invalidRequest(`Only Checkout Sessions with a status of open can be expired.`);
    session.status = "expired";
    session.url = null;
    emitEvent(core, "checkout.session.expired", session, { cause });
    return respond(core, session, params);
  }),
];
