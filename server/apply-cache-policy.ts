// Applies the site's Cache-Control policy (lib/http/cache-policy.ts) to every
// response, at the last moment: when the headers are written. It has to be
// here, in the server in front of Next.js, and not in proxy.ts: Next.js sets
// Cache-Control on a dynamic page itself while rendering it, after the
// proxy's headers, and only here are both the request's cookies and the
// response's final Set-Cookie known.
import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheHeadersFor, varyWith } from "@/lib/http/cache-policy";
import type { RequestContext } from "@/lib/observability/request-context";
import { moveWriteHeadHeaders } from "./write-head-headers";

export function applyCachePolicy(
  request: IncomingMessage,
  response: ServerResponse,
  context?: Pick<RequestContext, "privatePage">,
): void {
  const writeHead = response.writeHead;
  // Node calls writeHead for implicit headers too, so this sees every response.
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === "number" ? args[0] : response.statusCode;
    // Headers handed to writeHead itself are moved onto the response first, so
    // that a Set-Cookie among them counts and the policy is not overridden.
    args = moveWriteHeadHeaders(response, args);
    const headers = cacheHeadersFor({
      method: request.method ?? "GET",
      path: (request.url ?? "/").split("?")[0] ?? "/",
      cookie: request.headers.cookie,
      rsc: request.headers.rsc === "1",
      status,
      setsCookie: response.hasHeader("set-cookie"),
      privatePage: context?.privatePage === true,
    });
    if (headers.cacheControl) response.setHeader("Cache-Control", headers.cacheControl);
    if (headers.varyCookie) response.setHeader("Vary", varyWith(response.getHeader("vary")?.toString(), "Cookie"));
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}
