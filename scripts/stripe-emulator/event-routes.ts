// /v1/events: every event the emulator emitted, newest first, filterable by
// `type` (with Stripe's `*` wildcard, e.g. `customer.subscription.*`) or
// `types[]`. Apps use it to catch up on missed webhooks.
import { apiRoute } from "./api-route";
import { newestFirst } from "./emulator-state";
import { listPage } from "./list-page";
import { list, pagination, params, value } from "./param-schemas";
import { optionalString, stringList } from "./request-params";
import { noSuchResource } from "./stripe-error";

function matchesType(type: string, filter: string): boolean {
  return filter.endsWith("*") ? type.startsWith(filter.slice(0, -1)) : type === filter;
}

const listParams = params(
  { type: value, types: list(value), ...pagination },
  { notEmulated: ["created", "delivery_success", "expand"] },
);
const retrieveParams = params({}, { notEmulated: ["expand"] });

export const eventRoutes = [
  apiRoute("GET", "/v1/events", listParams, ({ core, params }) => {
    const type = optionalString(params, "type");
    const types = stringList(params, "types");
    const events = newestFirst(core.state.events).filter(
      (event) =>
        (type === undefined || matchesType(event.type, type)) &&
        (types === undefined || types.some((filter) => matchesType(event.type, filter))),
    );
    return listPage(events, params, "/v1/events");
  }),

  apiRoute("GET", "/v1/events/:id", retrieveParams, ({ core, ids }) => {
    const event = core.state.events[ids[0]!];
    if (!event) throw noSuchResource("event", ids[0]!);
    return event;
  }),
];
