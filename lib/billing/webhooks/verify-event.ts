// Webhook signatures, checked on the raw body before anything else happens.
import type Stripe from "stripe";
import { env } from "@/lib/config/env";
import { stripe } from "../stripe-client";

export class InvalidWebhookError extends Error {}

/** The event, if the body is signed by Stripe within the tolerance (300 s). */
export function verifyEvent(rawBody: string, signature: string | null): Stripe.Event {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new InvalidWebhookError("STRIPE_WEBHOOK_SECRET is not set");
  if (!signature) throw new InvalidWebhookError("missing Stripe-Signature header");
  try {
    return stripe().webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    throw new InvalidWebhookError(error instanceof Error ? error.message : "invalid signature");
  }
}
