import { startCheckoutAction } from "@/app/subscribe/actions";
import { ActionForm } from "@/components/site/action-form";
import { formatPrice, type Plan } from "@/lib/billing/plans";

/**
 * `from`: the article the reader subscribes from, carried through Checkout
 * and back. `offerCode`: the offer link's code, applied at Checkout; `terms`:
 * what the buyer will pay with it or with the free trial (offer-terms.ts),
 * stated here, before payment.
 */
export function PlanCard({
  plan,
  from,
  offerCode = null,
  terms = null,
}: {
  plan: Plan;
  from: string | null;
  offerCode?: string | null;
  terms?: string | null;
}) {
  const title = plan.interval === "year" ? "Annual" : "Monthly";
  return (
    <section className="plan-card" aria-labelledby={`plan-${plan.key}`}>
      <h2 id={`plan-${plan.key}`}>{title}</h2>
      <p className="plan-price">{formatPrice(plan)}</p>
      {terms && <p className="plan-terms">{terms}</p>}
      {plan.interval === "year" && <p className="meta">Two months free compared with monthly.</p>}
      <ActionForm action={startCheckoutAction.bind(null, plan.key, from, offerCode)} permalink="/subscribe">
        <button type="submit" className="button button-primary">
          Subscribe {title.toLowerCase()}
        </button>
      </ActionForm>
    </section>
  );
}
