// What the security headers depend on in a request: whether it reached the
// site over https, and where forms may lead (Stripe's hosted pages).
import { env } from "@/lib/config/env";

/**
 * True when the site is served over https: PUBLIC_URL says so, or a trusted
 * proxy (TRUST_PROXY > 0; server/main.ts drops the header otherwise) says
 * it received the request over https.
 */
export function servedOverHttps(headers: Headers): boolean {
  const { PUBLIC_URL, TRUST_PROXY } = env();
  if (PUBLIC_URL?.startsWith("https://")) return true;
  if (TRUST_PROXY === 0) return false;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/** Origins of Stripe's hosted Checkout and Portal, or of the local emulator. */
export function stripeFormTargets(): string[] {
  const api = env().STRIPE_API_URL;
  if (api) return [new URL(api).origin];
  return ["https://checkout.stripe.com", "https://billing.stripe.com"];
}
