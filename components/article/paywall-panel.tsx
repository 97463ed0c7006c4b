import type { ArticleAccess } from "@/lib/access/article-access";
import { CUT_ID } from "./article-body";
import { QuotaExhaustedOffer } from "./quota-exhausted-offer";
import { SignUpOffer } from "./sign-up-offer";
import { UnlockOffer } from "./unlock-offer";

/** Shown under the preview when the reader may not read the rest (yet). */
export function PaywallPanel({ articleSlug, access }: { articleSlug: string; access: ArticleAccess }) {
  const { decision, meter } = access;
  let offer: React.ReactNode = null;
  if (decision.reason === "anonymous") offer = <SignUpOffer articleSlug={articleSlug} />;
  if (decision.reason === "quota-available" && meter) offer = <UnlockOffer articleSlug={articleSlug} meter={meter} />;
  if (decision.reason === "quota-exhausted" && meter)
    offer = <QuotaExhaustedOffer articleSlug={articleSlug} meter={meter} />;
  if (!offer) return null;
  return (
    <aside className="paywall-panel" id={CUT_ID} aria-labelledby="paywall-title">
      <h2 id="paywall-title">Continue reading</h2>
      {offer}
    </aside>
  );
}
