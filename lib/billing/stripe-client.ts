// The one place that builds a Stripe client. With STRIPE_API_URL set (the
// local emulator `npm start` runs when no Stripe keys are given) the real SDK
// is pointed at it; otherwise it talks to Stripe.
//
// Stripe is never called inside an open database transaction
// (lib/db/transaction-scope.ts): stripe() refuses to hand out the client
// there, and the client's HTTP layer checks again before each request, for
// code that kept the client in a variable.
import Stripe from "stripe";
import { env } from "@/lib/config/env";
import { assertNoTransaction } from "@/lib/db/transaction-scope";

const globalForStripe = globalThis as unknown as { folioStripe?: Stripe };

class TransactionCheckedHttpClient extends Stripe.HttpClient {
  private readonly inner = Stripe.createNodeHttpClient();

  override getClientName(): string {
    return this.inner.getClientName();
  }

  override makeRequest(...request: Parameters<Stripe.HttpClient["makeRequest"]>) {
    // A rejection, not a throw: the SDK leaves a thrown error unanswered. It
    // reports this one as a StripeConnectionError whose `detail` is ours.
    try {
      assertNoTransaction("Stripe");
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.inner.makeRequest(...request);
  }
}

export function stripe(): Stripe {
  assertNoTransaction("Stripe");
  if (globalForStripe.folioStripe) return globalForStripe.folioStripe;
  const { STRIPE_SECRET_KEY: key, STRIPE_API_URL: apiUrl } = env();
  if (!key)
    throw new Error("STRIPE_SECRET_KEY is not set: start Folio with `npm start`, which runs the Stripe emulator");
  const target = apiUrl ? new URL(apiUrl) : undefined;
  globalForStripe.folioStripe = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    httpClient: new TransactionCheckedHttpClient(),
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
