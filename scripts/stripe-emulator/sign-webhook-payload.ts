// Signs a webhook body exactly as Stripe does: an HMAC-SHA256, keyed with the
// whole endpoint secret (including its `whsec_` prefix), over
// "<timestamp>.<body>", sent as `Stripe-Signature: t=<timestamp>,v1=<hex>`.
// The timestamp is real time, not the emulator clock: the SDK's
// constructEvent rejects signatures more than five minutes from its own
// clock, and Stripe's test clocks do not move signatures either.
import { createHmac } from "node:crypto";

export function stripeSignatureHeader(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
