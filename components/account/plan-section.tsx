import Link from "next/link";
import { ManageBillingButton } from "@/components/billing/manage-billing-button";
import type { ReaderOrganisation } from "@/lib/access/organisation-membership";
import { formatDate, formatLastDay } from "@/lib/articles/format";
import { formatPrice, listPlans, planKeyFor } from "@/lib/billing/plans";
import type { SubscriptionSummary } from "@/lib/billing/subscription-queries";

/** A trial that ends without a charge: cancelled before its end, at once or at the end. */
function trialEndsFree(subscription: SubscriptionSummary): boolean {
  const { trialEnd } = subscription;
  if (!trialEnd) return false;
  if (subscription.status === "trialing") return subscription.cancelAtPeriodEnd || subscription.cancelAt !== null;
  return subscription.status === "canceled" && subscription.currentPeriodEnd.getTime() === trialEnd.getTime();
}

/** The plan's price after a trial, as Stripe has it now; null when Stripe cannot say. */
async function priceAfterTrial(subscription: SubscriptionSummary): Promise<string | null> {
  try {
    const plan = (await listPlans()).find((candidate) => candidate.key === planKeyFor(subscription.plan));
    return plan ? formatPrice(plan) : null;
  } catch (error) {
    console.error("plans could not be read from Stripe:", error instanceof Error ? error.message : error);
    return null;
  }
}

async function renewalLine(subscription: SubscriptionSummary): Promise<string> {
  if (trialEndsFree(subscription)) {
    return `Free trial ends on ${formatDate(subscription.currentPeriodEnd)}, nothing will be charged; you read everything until then.`;
  }
  if (subscription.status === "trialing") {
    const price = await priceAfterTrial(subscription);
    const until = formatDate(subscription.currentPeriodEnd);
    return price
      ? `Free trial until ${until}, then ${price}. Cancel before then and nothing is charged.`
      : `Free trial until ${until}. Cancel before then and nothing is charged.`;
  }
  if (subscription.status === "canceled" || subscription.cancelAtPeriodEnd) {
    const end = formatDate(subscription.cancelAt ?? subscription.currentPeriodEnd);
    return `Cancels on ${end}; you read everything until then.`;
  }
  if (subscription.status === "past_due") {
    return "Your last payment did not go through. Please update your payment method to keep reading.";
  }
  return `Renews on ${formatDate(subscription.currentPeriodEnd)}.`;
}

const STATUS_LABELS: Record<string, string> = { trialing: "free trial", past_due: "past due" };

/**
 * The reader's plan: the subscription that gives access now, complimentary
 * All-Access from the publisher, All-Access through an organisation, or the
 * free tier.
 */
export async function PlanSection({
  current,
  compUntil,
  organisations = [],
}: {
  current: SubscriptionSummary | undefined;
  compUntil: Date | null;
  organisations?: ReaderOrganisation[];
}) {
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">Plan</h2>
      {compUntil && !current && (
        <p>
          Complimentary All-Access from the publisher until the end of {formatLastDay(compUntil)}: you read everything.
        </p>
      )}
      {organisations.map((organisation) => (
        <p key={organisation.id}>
          All-Access through {organisation.name} until {formatLastDay(organisation.endsAt)}.
        </p>
      ))}
      {current ? (
        <>
          <p>
            All-Access, {planKeyFor(current.plan) === "annual" ? "annual" : "monthly"} · status{" "}
            {STATUS_LABELS[current.status] ?? current.status.replace("_", " ")}
          </p>
          <p>{await renewalLine(current)}</p>
          <ManageBillingButton />
        </>
      ) : compUntil || organisations.length > 0 ? null : (
        <p>
          Free tier. <Link href="/subscribe">Subscribe to All-Access</Link> to read everything.
        </p>
      )}
    </section>
  );
}
