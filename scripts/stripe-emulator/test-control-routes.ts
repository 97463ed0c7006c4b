// /_emulator/*: controls that real Stripe offers through test clocks and
// test cards, or not at all, for driving billing scenarios from tests:
// moving the clock, failing the next renewal, redelivering, pausing and
// reordering webhooks, holding one answer back, and starting over. Same API
// key as /v1.
import { apiRoute } from "./api-route";
import { liveCustomer, resetState } from "./emulator-state";
import { payOpenInvoice } from "./pay-open-invoice";
import { processDueSubscriptions } from "./process-due-subscriptions";
import { seedCatalogue } from "./seed-catalogue";
import { noParams, params, value } from "./param-schemas";
import { optionalInteger, optionalString } from "./request-params";
import { invalidParam, invalidRequest, missingParam, noSuchResource } from "./stripe-error";

export const testControlRoutes = [
  apiRoute("GET", "/_emulator/clock", noParams, ({ core }) => ({ now: core.clock.now() })),

  apiRoute("POST", "/_emulator/clock/advance", params({ seconds: value }), ({ core, params }) => {
    const seconds = optionalInteger(params, "seconds");
    if (seconds === undefined) throw missingParam("seconds");
    if (seconds < 0) throw invalidParam("seconds", "The clock only moves forward.");
    const before = new Set(Object.keys(core.state.events));
    core.clock.advance(seconds);
    processDueSubscriptions(core);
    const events = Object.keys(core.state.events).filter((id) => !before.has(id));
    return { now: core.clock.now(), events };
  }),

  apiRoute("POST", "/_emulator/customers/:id/fail-next-payment", noParams, ({ core, ids }) => {
    const customer = liveCustomer(core.state, ids[0]!);
    if (!customer) throw noSuchResource("customer", ids[0]!);
    if (!core.state.failNextPayment.includes(customer.id)) core.state.failNextPayment.push(customer.id);
    return { customer: customer.id, fail_next_payment: true };
  }),

  apiRoute("POST", "/_emulator/invoices/:id/pay", noParams, ({ core, ids }) => {
    const invoice = core.state.invoices[ids[0]!];
    if (!invoice) throw noSuchResource("invoice", ids[0]!);
    payOpenInvoice(core, invoice);
    return invoice;
  }),

  apiRoute("POST", "/_emulator/events/:id/redeliver", noParams, ({ core, ids }) => {
    const event = core.state.events[ids[0]!];
    if (!event) throw noSuchResource("event", ids[0]!);
    if (!core.webhooks.hasEndpoint) throw invalidRequest("No webhook URL is set; start the emulator with webhookUrl.");
    core.webhooks.enqueue(event.id);
    return { event: event.id, queued: true };
  }),

  apiRoute("GET", "/_emulator/webhooks", noParams, ({ core }) => core.webhooks.status()),

  apiRoute("POST", "/_emulator/webhooks/pause", noParams, ({ core }) => {
    core.webhooks.pause();
    return core.webhooks.status();
  }),

  apiRoute("POST", "/_emulator/webhooks/resume", params({ order: value }), ({ core, params }) => {
    const order = optionalString(params, "order") ?? "creation";
    if (order !== "creation" && order !== "reverse")
      throw invalidParam("order", 'order must be "creation" or "reverse".');
    core.webhooks.resume(order);
    return core.webhooks.status();
  }),

  apiRoute("GET", "/_emulator/deliveries", params({ event: value }), ({ core, params }) => {
    const event = optionalString(params, "event");
    const data = core.webhooks.attempts.filter((attempt) => event === undefined || attempt.event === event);
    return { object: "list", data, has_more: false, url: "/_emulator/deliveries" };
  }),

  apiRoute("POST", "/_emulator/holds", params({ method: value, path: value }), ({ core, params }) => {
    const method = optionalString(params, "method") ?? "GET";
    const path = optionalString(params, "path");
    if (path === undefined) throw missingParam("path");
    if (!["GET", "POST", "DELETE"].includes(method))
      throw invalidParam("method", "method must be GET, POST or DELETE.");
    if (!path.startsWith("/v1/")) throw invalidParam("path", "Only answers of the API (/v1/...) can be held.");
    return core.heldAnswers.hold(method, path);
  }),

  apiRoute("GET", "/_emulator/holds/:id", noParams, ({ core, ids }) => {
    const hold = core.heldAnswers.status(ids[0]!);
    if (!hold) throw noSuchResource("hold", ids[0]!);
    return hold;
  }),

  apiRoute("POST", "/_emulator/holds/:id/release", noParams, ({ core, ids }) => {
    const hold = core.heldAnswers.release(ids[0]!);
    if (!hold) throw noSuchResource("hold", ids[0]!);
    return hold;
  }),

  apiRoute("POST", "/_emulator/reset", noParams, ({ core }) => {
    core.heldAnswers.releaseAll();
    resetState(core.state);
    seedCatalogue(core.state, core.clock.now());
    core.webhooks.clear();
    // A replayed key would answer with objects that no longer exist.
    core.idempotency.clear();
    return { reset: true, now: core.clock.now() };
  }),
];
