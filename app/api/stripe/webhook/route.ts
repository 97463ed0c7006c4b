// POST /api/stripe/webhook: Stripe's events. Verify the signature on the raw
// body, then hand the event to its handler; anything unhandled gets 200.
import { NextResponse } from "next/server";
import { handleEvent } from "@/lib/billing/webhooks/handle-event";
import { InvalidWebhookError, verifyEvent } from "@/lib/billing/webhooks/verify-event";

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
    // Not processed (Stripe unreachable, reader unknown yet): a 500 makes
    // Stripe deliver the event again later; nothing was recorded.
    console.error(`stripe webhook ${event.type} ${event.id} failed:`, error instanceof Error ? error.message : error);
    return NextResponse.json({ error: "processing_failed" }, { status: 500 });
  }
}
