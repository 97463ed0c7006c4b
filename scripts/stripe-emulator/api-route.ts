// A route of the JSON API: a method, a path pattern with `:name`
// placeholders, the parameters it takes (param-schemas.ts; checked before
// the handler runs), and a handler that returns the response object (or
// throws a StripeApiError).
import type { z } from "zod";
import type { Cause, EmulatorCore } from "./emulator-core";
import type { Params } from "./request-params";

export type ApiCall = {
  core: EmulatorCore;
  params: Params;
  /** The placeholders of the path, in order. */
  ids: string[];
  /** The request itself, for the `request` field of the events it causes. */
  cause: Cause;
};

export type ApiRoute = {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  params: z.ZodType;
  handle(call: ApiCall): unknown;
};

export function apiRoute(
  method: ApiRoute["method"],
  path: string,
  params: z.ZodType,
  handle: ApiRoute["handle"],
): ApiRoute {
  const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, "([^/]+)")}$`);
  return { method, pattern, params, handle };
}
