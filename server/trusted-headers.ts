// Headers that only a proxy in front of Folio may set. With TRUST_PROXY=0
// Folio faces clients directly, so what a client wrote there is dropped:
// X-Forwarded-Host would let it choose the host Auth.js builds URLs from,
// X-Forwarded-Proto would make a plain-http request look like https, and a
// request id of its choosing would confuse the logs. Next.js fills the
// forwarded headers in again from the connection itself.
import type { IncomingMessage } from "node:http";
import { acceptRequestId, newRequestId } from "@/lib/observability/request-context";

const PROXY_ONLY = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
// Headers Next.js uses between its own parts, never sent by a browser: a
// client that sets them can change how Next.js routes the request
// (x-middleware-prefetch answers an empty 200 in place of the route). Routes
// do not rely on their absence (they check the session themselves); the
// server drops them anyway, whatever TRUST_PROXY says.
const NEXT_INTERNAL =
  /^(x-middleware-|x-invoke-|x-matched-path$|x-now-route-matches$|x-next-revalidate|x-prerender-revalidate)/;

/** Cleans the request's headers in place and returns its request id. */
export function applyTrustedHeaders(request: IncomingMessage, trustProxy: number): string {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const hops = typeof forwarded === "string" ? forwarded.split(",").map((hop) => hop.trim()) : [];
  // With N trusted proxies the client is the N-th address from the right,
  // counting the socket's; anything further left was written by the client.
  const chain = [...hops, peer];
  request.headers["x-forwarded-for"] = chain[Math.max(0, chain.length - 1 - trustProxy)] ?? peer;
  const fromProxy = trustProxy > 0 ? acceptRequestId(request.headers["x-request-id"]) : undefined;
  if (trustProxy === 0) for (const name of PROXY_ONLY) delete request.headers[name];
  for (const name of Object.keys(request.headers)) if (NEXT_INTERNAL.test(name)) delete request.headers[name];
  const requestId = fromProxy ?? newRequestId();
  request.headers["x-request-id"] = requestId;
  return requestId;
}
