import { startCheckoutAction } from "@/app/subscribe/actions";
import { formatPrice, type Plan } from "@/lib/billing/plans";

export function PlanCard({ plan, canBuy }: { plan: Plan; canBuy: boolean }) {
  const title = plan.interval === "year" ? "Annual" : "Monthly";
  return (
    <section className="plan-card" aria-labelledby={`plan-${plan.key}`}>
      <h2 id={`plan-${plan.key}`}>{title}</h2>
      <p className="plan-price">{formatPrice(plan)}</p>
      {plan.interval === "year" && <p className="meta">Two months free compared with monthly.</p>}
      {canBuy && (
        <form action={startCheckoutAction.bind(null, plan.key)}>
          <button type="submit" className="button button-primary">
            Subscribe {title.toLowerCase()}
          </button>
        </form>
      )}
    </section>
  );
}
