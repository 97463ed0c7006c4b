import Link from "next/link";
import { formatDate } from "@/lib/articles/format";
import { shownCode } from "@/lib/billing/offer-code";
import type { OfferRefusal, ShownOffer } from "@/lib/billing/subscribe-offer";

function refusal(reason: OfferRefusal, code: string, endedAt: Date | null): string {
  switch (reason) {
    case "unknown":
      return `We do not know the offer code “${code}”.`;
    case "expired":
      return endedAt ? `The offer “${code}” ended on ${formatDate(endedAt)}.` : `The offer “${code}” has ended.`;
    case "used-up":
      return `The offer “${code}” has been claimed as many times as it could be.`;
    case "inactive":
      return `The offer “${code}” is no longer available.`;
    case "not-for-plans":
      return `The offer “${code}” does not apply to our plans.`;
    case "refused":
      return `The offer “${code}” could not be applied at checkout: it can no longer be used.`;
    case "unavailable":
      return `We could not check the offer “${code}” just now; try the link again in a moment.`;
    case "malformed":
      return "That offer code cannot be right: offer codes are letters, digits and dashes.";
  }
}

/**
 * What /subscribe says about its offer link: the offer that the plans below
 * carry, or why there is none, over the plain plans. `withoutOffer`: the
 * same page without it.
 */
export function OfferNotice({ shown, withoutOffer }: { shown: ShownOffer; withoutOffer: string }) {
  if (shown.state === "none") return null;
  if (shown.state === "refused") {
    return (
      <p className="form-error" role="alert">
        {refusal(shown.reason, shownCode(shown.code ?? ""), shown.endedAt)} Here are our plans without it.
      </p>
    );
  }
  const only =
    shown.plans.length === 1 ? ` for the ${shown.plans[0]!.interval === "year" ? "annual" : "monthly"} plan` : "";
  return (
    <p className="notice" role="status">
      Offer <strong>{shownCode(shown.offer.code)}</strong>
      {only}: what you pay is stated below, and applied at checkout.{" "}
      <Link href={withoutOffer}>See all plans without it</Link>
    </p>
  );
}
