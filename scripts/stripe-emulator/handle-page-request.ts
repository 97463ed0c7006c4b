// The hosted pages: GET/POST /checkout/:id and /portal/:id[/action]. They
// need no API key, as on Stripe: the unguessable session id in the link is
// what lets the customer in.
import type { EmulatorCore } from "./emulator-core";
import { showCheckoutPage, submitCheckoutPage } from "./hosted-checkout-page";
import { showPortalPage, submitPortalAction } from "./hosted-portal-page";
import { escapeHtml, htmlPage, type PageResponse } from "./html-page";
import { StripeApiError } from "./stripe-error";

export function isPagePath(path: string): boolean {
  return /^\/(checkout|portal)\//.test(path);
}

function route(core: EmulatorCore, method: string, path: string, form: URLSearchParams): PageResponse | undefined {
  const [, kind, id = "", action] = path.split("/");
  if (kind === "checkout" && action === undefined) {
    if (method === "GET") return showCheckoutPage(core, id);
    if (method === "POST") return submitCheckoutPage(core, id, form);
  }
  if (kind === "portal") {
    if (method === "GET" && action === undefined) return showPortalPage(core, id);
    if (method === "POST" && action !== undefined) return submitPortalAction(core, id, action, form);
  }
  return undefined;
}

export function handlePageRequest(core: EmulatorCore, method: string, path: string, body: string): PageResponse {
  try {
    return (
      route(core, method, path, new URLSearchParams(body)) ??
      htmlPage("Not found", "<h1>This page does not exist</h1>", 404)
    );
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    return htmlPage(
      "Something went wrong",
      `<h1>Something went wrong</h1><p role="alert">${escapeHtml(error.message)}</p>`,
      400,
    );
  }
}
