// One JSON API request, /v1 or /_emulator: checks the API key, replays an
// idempotent POST, finds the route, checks the parameters, and turns the handler's result or
// StripeApiError into Stripe's response format.
import type { IncomingHttpHeaders } from "node:http";
import type { ApiRoute } from "./api-route";
import { checkParams } from "./check-params";
import { apiVersion } from "./emit-event";
import type { EmulatorCore } from "./emulator-core";
import { newId } from "./new-id";
import { parseBody, parseQuery } from "./read-request";
import { StripeApiError } from "./stripe-error";

export type ApiRequest = { method: string; path: string; query: string; headers: IncomingHttpHeaders; body: string };
export type ApiResponse = { status: number; body: string; headers: Record<string, string> };
export type ApiContext = { core: EmulatorCore; routes: ApiRoute[]; apiKey: string };

/** The key from `Authorization: Bearer <key>`, or from Basic auth with the key as user name (curl -u). */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization ?? "";
  const [scheme, value = ""] = header.split(" ", 2);
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") return Buffer.from(value, "base64").toString("utf8").split(":")[0];
  return undefined;
}

function checkApiKey(headers: IncomingHttpHeaders, apiKey: string): void {
  const key = presentedKey(headers);
  if (!key) {
    throw new StripeApiError(401, {
      type: "invalid_request_error",
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  if (key !== apiKey) {
    throw new StripeApiError(401, {
      type: "invalid_request_error",
      code: "api_key_invalid",
      message: `Invalid API Key provided: ${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    });
  }
}

function findRoute(routes: ApiRoute[], method: string, path: string): { route: ApiRoute; ids: string[] } {
  for (const route of routes) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (match) return { route, ids: match.slice(1).map(decodeURIComponent) };
  }
  throw new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). The Stripe emulator implements only the endpoints Folio uses; see scripts/stripe-emulator/README.md.`,
  });
}

export function handleApiRequest(context: ApiContext, request: ApiRequest): ApiResponse {
  const requestId = newId("req", 14);
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "Request-Id": requestId,
    "Stripe-Version": apiVersion,
  };
  const idempotencyKey =
    request.method === "POST" ? (request.headers["idempotency-key"] as string | undefined) : undefined;
  try {
    checkApiKey(request.headers, context.apiKey);
    if (idempotencyKey) {
      const stored = context.core.idempotency.get(idempotencyKey);
      if (stored && stored.method === request.method && stored.path === request.path && stored.body === request.body) {
        return {
          status: stored.status,
          body: stored.response,
          headers: { ...headers, "Idempotency-Key": idempotencyKey, "Idempotent-Replayed": "true" },
        };
      }
      if (stored) {
        throw new StripeApiError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        });
      }
    }
    const { route, ids } = findRoute(context.routes, request.method, request.path);
    const params =
      request.method === "POST" ? parseBody(request.body, request.headers["content-type"]) : parseQuery(request.query);
    checkParams(route.params, params);
    const result = route.handle({
      core: context.core,
      params,
      ids,
      cause: { id: requestId, idempotency_key: idempotencyKey ?? null },
    });
    const response = JSON.stringify(result, null, 2);
    if (idempotencyKey) {
      context.core.idempotency.set(idempotencyKey, {
        method: request.method,
        path: request.path,
        body: request.body,
        status: 200,
        response,
      });
      headers["Idempotency-Key"] = idempotencyKey;
    }
    return { status: 200, body: response, headers };
  } catch (error) {
    if (error instanceof StripeApiError)
      return { status: error.status, body: JSON.stringify(error.toJSON(), null, 2), headers };
    context.core.log(`internal error on ${request.method} ${request.path}: ${(error as Error).stack ?? String(error)}`);
    const body = { error: { type: "api_error", message: `The Stripe emulator failed: ${(error as Error).message}` } };
    return { status: 500, body: JSON.stringify(body), headers: { ...headers, "Stripe-Should-Retry": "false" } };
  }
}
