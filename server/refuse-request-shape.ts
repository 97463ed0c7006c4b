// Requests that Next.js would answer with a 500, or answer wrongly, refused
// before it sees them, from their method and headers alone (the body is left
// unread and dropped): a malformed router state header (400), a server action
// from another site (403), a method a page does not answer (405).
import type { IncomingMessage, ServerResponse } from "node:http";
import { crossSiteAction } from "./refuse-cross-site-action";
import { malformedRouterState } from "./refuse-malformed-router-state";
import { PAGE_METHODS, unsupportedPageMethod } from "./refuse-page-method";

type Refusal = { status: number; message: string; headers?: Record<string, string> };

function refusalOf(request: IncomingMessage): Refusal | null {
  const router = malformedRouterState(request.headers);
  if (router) return { status: 400, message: router };
  const crossSite = crossSiteAction(request);
  if (crossSite) return { status: 403, message: crossSite };
  const method = unsupportedPageMethod(request);
  if (method) return { status: 405, message: method, headers: { Allow: PAGE_METHODS } };
  return null;
}

/** Answers the request when its shape is refused (true); false lets it go on to Next.js. */
export function refuseRequestShape(request: IncomingMessage, response: ServerResponse): boolean {
  let refusal: Refusal | null;
  try {
    refusal = refusalOf(request);
  } catch {
    // A check that fails must not take the server down (this runs outside
    // any handler that would catch it); Next.js answers as before.
    return false;
  }
  if (!refusal) return false;
  response.writeHead(refusal.status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(refusal.message),
    "X-Content-Type-Options": "nosniff",
    ...refusal.headers,
  });
  // A HEAD is answered with the headers alone.
  response.end(request.method === "HEAD" ? undefined : refusal.message);
  request.resume();
  return true;
}
