// What /subscribe shows for its `offer`: the offer, with the plans it is for,
// or why there is none (the page then shows the plain plans with a
// sentence). A malformed code is refused without asking Stripe, and a
// Stripe that cannot be reached refuses the offer, never the page.
import type { SearchParamValue } from "@/lib/http/search-params";
import { offerCodeFrom } from "./offer-code";
import { offerAppliesTo } from "./offer-terms";
import { lookupOffer, type Offer } from "./offers";
import type { Plan } from "./plans";

export type OfferRefusal =
  | "malformed"
  | "unknown"
  | "expired"
  | "used-up"
  | "inactive"
  | "not-for-plans"
  /** Stripe refused it when Checkout was to start (error=offer). */
  | "refused"
  | "unavailable";

export type ShownOffer =
  | { state: "none" }
  | { state: "offer"; offer: Offer; plans: Plan[] }
  /** `code`: null for a malformed one, which is never shown. */
  | { state: "refused"; reason: OfferRefusal; code: string | null; endedAt: Date | null };

function refused(reason: OfferRefusal, code: string | null, endedAt: Date | null = null): ShownOffer {
  return { state: "refused", reason, code, endedAt };
}

export async function offerToShow(
  value: SearchParamValue,
  plans: Plan[],
  options: { refusedAtCheckout?: boolean } = {},
): Promise<ShownOffer> {
  const code = offerCodeFrom(value);
  if (code === null) return { state: "none" };
  if (code === "malformed") return refused("malformed", null);
  if (options.refusedAtCheckout) return refused("refused", code);
  let found;
  try {
    found = await lookupOffer(code);
  } catch (error) {
    console.error("offer could not be looked up:", error instanceof Error ? error.message : error);
    return refused("unavailable", code);
  }
  if (found.status === "expired") return refused("expired", code, found.endedAt);
  if (found.status !== "ok") return refused(found.status, code);
  const offered = plans.filter((plan) => offerAppliesTo(found.offer, plan));
  if (offered.length === 0) return refused("not-for-plans", found.offer.code);
  return { state: "offer", offer: found.offer, plans: offered };
}
