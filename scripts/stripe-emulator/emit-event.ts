// Records an event with a snapshot of the object as it is now (later changes
// must not leak into an earlier event, as apps compare them) and queues its
// webhook delivery.
import type Stripe from "stripe";
import { automatic, type Cause, type EmulatorCore } from "./emulator-core";
import { newId } from "./new-id";
import type { EventObject, StripeObject } from "./stripe-objects";

export const apiVersion = "2026-10-28.endive";

/** Top-level fields whose value changed, with their old value: Stripe's `previous_attributes`. */
function previousAttributes(before: StripeObject, after: StripeObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  const old = before as Record<string, unknown>;
  const current = after as Record<string, unknown>;
  for (const key of Object.keys(old)) {
    if (JSON.stringify(old[key]) !== JSON.stringify(current[key])) previous[key] = old[key];
  }
  return previous;
}

export type EmitOptions = {
  cause?: Cause;
  /** A snapshot from before an update, for `previous_attributes`. */
  before?: StripeObject;
  /** When it happened, for events the clock processes late; defaults to now. */
  created?: number;
};

export function emitEvent(
  core: EmulatorCore,
  type: Stripe.Event.Type,
  object: StripeObject,
  options: EmitOptions = {},
): EventObject {
  const event: EventObject = {
    id: newId("evt"),
    object: "event",
    api_version: apiVersion,
    created: options.created ?? core.clock.now(),
    data: {
      object: structuredClone(object),
      ...(options.before ? { previous_attributes: previousAttributes(options.before, object) } : {}),
    },
    livemode: false,
    pending_webhooks: core.webhooks.hasEndpoint ? 1 : 0,
    request: options.cause ?? automatic,
    type,
  };
  core.state.events[event.id] = event;
  core.webhooks.enqueue(event.id);
  return event;
}
