// The one place that builds a Stripe client. With STRIPE_API_URL set (the
// local emulator `npm start` runs when no Stripe keys are given) the real SDK
// is pointed at it; otherwise it talks to Stripe.
import Stripe from "stripe";
import { env } from "@/lib/config/env";

const globalForStripe = globalThis as unknown as { folioStripe?: Stripe };

export function stripe(): Stripe {
  if (globalForStripe.folioStripe) return globalForStripe.folioStripe;
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: apiUrl } = env();
  if (!key)
    throw new Error("STRIPE_SECRET_KEY is not set: start Folio with `npm start`, which runs the Stripe emulator");
  const target = apiUrl ? new URL(apiUrl) : undefined;
  globalForStripe.folioStripe = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === "https:" ? 443 : 80)),
          protocol: target.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  return globalForStripe.folioStripe;
}

export type { Stripe };
