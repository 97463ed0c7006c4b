// POST /api/stripe/webhook: Stripe's events. Verify the signature on the raw
// body, then hand the event to its handler; anything unhandled gets 200.
import { NextResponse } from "next/server";
import { handleEvent } from "@/lib/billing/webhooks/handle-event";
import { InvalidWebhookError, verifyEvent } from "@/lib/billing/webhooks/verify-event";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { describeError, log } from "@/lib/observability/log";

export async function POST(request: Request) {
  const rawBody = await request.text();
  let event;
  try {
    event = verifyEvent(rawBody, request.headers.get("stripe-signature"));
  } catch (error) {
    if (error instanceof InvalidWebhookError) {
      return NextResponse.json({ error: "invalid_signature", message: error.message }, { status: 400 });
    }
    throw error;
  }
  try {
    const result = await handleEvent(event);
    return NextResponse.json({ received: true, result });
  } catch (error) {
    // Not processed (database down, Stripe unreachable, reader unknown yet):
    // a non-2xx makes Stripe deliver the event again later; the event id is
    // recorded in the same transaction as its effect, so nothing was.
    const unavailable = isDatabaseUnavailable(error);
    log("error", "stripe-webhook-failed", { type: event.type, eventId: event.id, ...describeError(error) });
    return NextResponse.json(
      { error: unavailable ? "service_unavailable" : "processing_failed" },
      { status: unavailable ? 503 : 500, headers: unavailable ? { "Retry-After": "5" } : {} },
    );
  }
}
