// A server action called from another site. Next.js takes every POST that
// carries a Next-Action header or a multipart body as a possible server
// action, on any address it answers with a page (the not-found page under
// /api/ too), and compares Origin with Host itself: a mismatch, "null" or an
// unreadable Origin made it answer 500, and a request with Sec-Fetch-Site:
// cross-site but no Origin went through and ran the action. Such a request is
// refused with a 403 here, by the rule the API routes use (same-origin.ts)
// and before Next.js reads it. Clients that are not browsers (a mail
// provider's one-click unsubscribe, Stripe) send neither header and pass.
import type { IncomingMessage } from "node:http";
import { isCrossSite, originMismatch } from "@/lib/http/same-origin";

const COMPARED = ["host", "x-forwarded-host", "origin", "sec-fetch-site"];

/** The 403's message when the request is a server action from another site, else null. */
export function crossSiteAction(request: IncomingMessage): string | null {
  const action =
    request.headers["next-action"] !== undefined ||
    /^multipart\/form-data/i.test(request.headers["content-type"] ?? "");
  if (request.method !== "POST" || !action) return null;
  const headers = { headers: comparedHeaders(request) };
  // Next.js compares Origin even where Sec-Fetch-Site says same-origin: a mismatch there is refused too.
  if (!isCrossSite(headers) && !originMismatch(headers)) return null;
  return "Forbidden: this form or action was sent from another site.";
}

/** Whether a request comes from another site, by the API routes' rule (same-origin.ts). */
export function fromAnotherSite(request: Pick<IncomingMessage, "headers">): boolean {
  return isCrossSite({ headers: comparedHeaders(request) });
}

function comparedHeaders(request: Pick<IncomingMessage, "headers">): Headers {
  const headers = new Headers();
  for (const name of COMPARED) {
    const value = request.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}
