// When a request failed because PostgreSQL could not be reached (marked by
// instrumentation.ts in the request's context), its 500 becomes a 503 with
// Retry-After: the reader sees the friendly error page and a "try again",
// API clients get JSON saying so, and Stripe retries a webhook later.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext } from "../../lib/observability/request-context";

const RETRY_AFTER_SECONDS = "5";
const API_BODY = JSON.stringify({
  error: "service_unavailable",
  message: "The service is briefly unavailable. Please try again in a few seconds.",
});

export function answerUnavailableAs503(request: IncomingMessage, response: ServerResponse, context: RequestContext): void {
  const isApi = (request.url ?? "").startsWith("/api/");
  const writeHead = response.writeHead;
  let replaceBody = false;
  // Node calls writeHead for implicit headers too, so this sees every status.
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === "number" ? args[0] : response.statusCode;
    if (status === 500 && context.databaseUnavailable && !response.headersSent) {
      args[0] = 503;
      response.statusCode = 503;
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setHeader("Cache-Control", "no-store");
      if (isApi) {
        replaceBody = true;
        response.setHeader("Content-Type", "application/json; charset=utf-8");
        response.removeHeader("Content-Length");
        response.removeHeader("Content-Encoding");
        // A header object passed to writeHead would win over setHeader.
        if (args.length > 1 && typeof args[1] === "object" && args[1] !== null) args.length = 1;
        if (typeof args[1] === "string" && args.length > 2) args.length = 2;
      }
    }
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  response.write = ((...args: Parameters<ServerResponse["write"]>) => {
    if (!response.headersSent) response.writeHead(response.statusCode);
    if (replaceBody) {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }
    return write(...args);
  }) as ServerResponse["write"];
  response.end = ((...args: unknown[]) => {
    if (!response.headersSent) response.writeHead(response.statusCode);
    if (replaceBody) return end(API_BODY);
    return (end as (...rest: unknown[]) => ServerResponse)(...args);
  }) as ServerResponse["end"];
}
