import Link from "next/link";
import { ManageBillingButton } from "@/components/billing/manage-billing-button";
import { formatDate, formatLastDay } from "@/lib/articles/format";
import { planKeyFor } from "@/lib/billing/plans";
import type { SubscriptionSummary } from "@/lib/billing/subscription-queries";

function renewalLine(subscription: SubscriptionSummary): string {
  if (subscription.status === "canceled" || subscription.cancelAtPeriodEnd) {
    const end = formatDate(subscription.cancelAt ?? subscription.currentPeriodEnd);
    return `Cancels on ${end}; you read everything until then.`;
  }
  if (subscription.status === "past_due") {
    return "Your last payment did not go through. Please update your payment method to keep reading.";
  }
  return `Renews on ${formatDate(subscription.currentPeriodEnd)}.`;
}

/**
 * The reader's plan: the subscription that gives access now, complimentary
 * All-Access from the publisher, or the free tier.
 */
export function PlanSection({
  current,
  compUntil,
}: {
  current: SubscriptionSummary | undefined;
  compUntil: Date | null;
}) {
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">Plan</h2>
      {compUntil && !current && (
        <p>
          Complimentary All-Access from the publisher until the end of {formatLastDay(compUntil)}: you read everything.
        </p>
      )}
      {current ? (
        <>
          <p>
            All-Access, {planKeyFor(current.plan) === "annual" ? "annual" : "monthly"} · status{" "}
            {current.status.replace("_", " ")}
          </p>
          <p>{renewalLine(current)}</p>
          <ManageBillingButton />
        </>
      ) : compUntil ? null : (
        <p>
          Free tier. <Link href="/subscribe">Subscribe to All-Access</Link> to read everything.
        </p>
      )}
    </section>
  );
}
