// When a request failed because PostgreSQL could not be reached (marked by
// instrumentation.ts in the request's context), its 500 becomes a 503 with
// Retry-After, and its body a short explanation: JSON for the API, for pages
// a plain HTML page that needs no script (Next.js's own error document only
// shows its message once JavaScript has run). Stripe retries a webhook
// answered 503; browsers and crawlers know to come back.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext } from "@/lib/observability/request-context";

const RETRY_AFTER_SECONDS = "5";
const API_BODY = JSON.stringify({
  error: "service_unavailable",
  message: "The service is briefly unavailable. Please try again in a few seconds.",
});
const PAGE_BODY = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Back in a moment</title></head>
<body>
<main>
<h1>Back in a moment</h1>
<p>We could not show this page just now. Please try again in a moment.</p>
<p><a href="/">Go to the front page</a></p>
</main>
</body>
</html>
`;

export function answerUnavailableAs503(
  request: IncomingMessage,
  response: ServerResponse,
  context: RequestContext,
): void {
  const isApi = (request.url ?? "").startsWith("/api/");
  const writeHead = response.writeHead;
  let replacement: string | null = null;
  // Node calls writeHead for implicit headers too, so this sees every status.
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === "number" ? args[0] : response.statusCode;
    if (status === 500 && context.databaseUnavailable && !response.headersSent) {
      replacement = isApi ? API_BODY : PAGE_BODY;
      response.statusCode = 503;
      response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Type", isApi ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
      response.setHeader("Content-Length", Buffer.byteLength(replacement));
      response.removeHeader("Content-Encoding");
      response.removeHeader("Transfer-Encoding");
      response.removeHeader("Vary");
      // Only the status: headers passed here would override the ones above.
      return (writeHead as (status: number) => ServerResponse).call(this, 503);
    }
    return (writeHead as (...rest: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  const write = response.write.bind(response);
  const end = response.end.bind(response);
  response.write = ((...args: Parameters<ServerResponse["write"]>) => {
    if (!response.headersSent) response.writeHead(response.statusCode);
    if (replacement !== null) {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }
    return write(...args);
  }) as ServerResponse["write"];
  response.end = ((...args: unknown[]) => {
    if (!response.headersSent) response.writeHead(response.statusCode);
    if (replacement !== null) {
      const callback = args.find((arg) => typeof arg === "function") as (() => void) | undefined;
      return end(replacement, callback);
    }
    return (end as (...rest: unknown[]) => ServerResponse)(...args);
  }) as ServerResponse["end"];
}
