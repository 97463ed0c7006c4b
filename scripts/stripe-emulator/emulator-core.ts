// What every handler works on: the state, the clock, the webhook queue, the
// idempotency cache, the answers tests asked to hold, and the emulator's own
// address (for the hosted page URLs it hands out).
import type Stripe from "stripe";
import type { EmulatorClock } from "./emulator-clock";
import type { EmulatorState } from "./emulator-state";
import type { HeldAnswers } from "./held-answers";
import type { IdempotencyCache } from "./idempotency-cache";
import type { WebhookSender } from "./webhook-sender";

export type EmulatorCore = {
  state: EmulatorState;
  clock: EmulatorClock;
  webhooks: WebhookSender;
  idempotency: IdempotencyCache;
  heldAnswers: HeldAnswers;
  baseUrl: string;
  log(line: string): void;
};

/**
 * The API request behind a change, reported in its events' `request` field.
 * Changes made by the hosted pages or by the clock are "automatic" and carry
 * nulls, as Stripe reports them.
 */
export type Cause = Stripe.Event.Request;

export const automatic: Cause = { id: null, idempotency_key: null };
