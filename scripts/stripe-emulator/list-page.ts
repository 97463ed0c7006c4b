// One page of a Stripe list: `limit` (1 to 100, default 10) and cursor
// pagination with `starting_after` / `ending_before`, so the SDK's
// auto-pagination (`for await`) works over long lists.
import { optionalInteger, optionalString, type Params } from "./request-params";
import { invalidParam } from "./stripe-error";
import type { ListObject } from "./stripe-objects";

export function listPage<T extends { id: string }>(newestFirst: T[], params: Params, url: string): ListObject<T> {
  const limit = optionalInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidParam("limit", "Limit must be between 1 and 100.", "parameter_invalid_integer");
  const startingAfter = optionalString(params, "starting_after");
  const endingBefore = optionalString(params, "ending_before");
  const position = (id: string, param: string) => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index === -1) throw invalidParam(param, `No such object: '${id}'`, "resource_missing");
    return index;
  };
  if (endingBefore) {
    const end = position(endingBefore, "ending_before");
    const start = Math.max(0, end - limit);
    return { object: "list", data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = startingAfter ? position(startingAfter, "starting_after") + 1 : 0;
  const data = newestFirst.slice(start, start + limit);
  return { object: "list", data, has_more: start + limit < newestFirst.length, url };
}
