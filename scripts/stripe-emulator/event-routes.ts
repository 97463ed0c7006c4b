// /v1/events: every event the emulator emitted, newest first, filterable by
// `type` (with Stripe's `*` wildcard, e.g. `customer.subscription.*`) or
// `types[]`. Apps use it to catch up on missed webhooks.
import { apiRoute } from "./api-route";
import { newestFirst } from "./emulator-state";
import { listPage } from "./list-page";
import { optionalString, stringList } from "./request-params";
import { noSuchResource } from "./stripe-error";

function matchesType(type: string, filter: string): boolean {
  return filter.endsWith("*") ? type.startsWith(filter.slice(0, -1)) : type === filter;
}

export const eventRoutes = [
  apiRoute("GET", "/v1/events", ({ core, params }) => {
    const type = optionalString(params, "type");
    const types = stringList(params, "types");
    const events = newestFirst(core.state.events).filter(
      (event) =>
        (type === undefined || matchesType(event.type, type)) &&
        (types === undefined || types.some((filter) => matchesType(event.type, filter))),
    );
    return listPage(events, params, "/v1/events");
  }),

  apiRoute("GET", "/v1/events/:id", ({ core, ids }) => {
    const event = core.state.events[ids[0]!];
    if (!event) throw noSuchResource("event", ids[0]!);
    return event;
  }),
];
