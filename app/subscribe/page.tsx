// GET /subscribe: the All-Access plans, priced from Stripe, and the way to buy.
import type { Metadata } from "next";
import Link from "next/link";
import { AllAccessBenefits } from "@/components/billing/all-access-benefits";
import { ManageBillingButton } from "@/components/billing/manage-billing-button";
import { OfferNotice } from "@/components/billing/offer-notice";
import { PlanCard } from "@/components/billing/plan-card";
import { isSubscriber } from "@/lib/access/article-access";
import { getReader } from "@/lib/auth/get-reader";
import { defaultTrialDays } from "@/lib/billing/default-trial";
import { planTerms } from "@/lib/billing/offer-terms";
import { listPlans, type Plan } from "@/lib/billing/plans";
import { returnTarget, subscribePath } from "@/lib/billing/return-target";
import { offerToShow } from "@/lib/billing/subscribe-offer";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribe to All-Access" };

async function plansOrNull(): Promise<Plan[] | null> {
  try {
    return await listPlans();
  } catch (error) {
    console.error("plans could not be read from Stripe:", error instanceof Error ? error.message : error);
    return null;
  }
}

export default async function SubscribePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const [query, reader, plans] = await Promise.all([searchParams, getReader(), plansOrNull()]);
  const [subscriber, trialDays] = await Promise.all([isSubscriber(reader), defaultTrialDays(reader)]);
  // The article the reader came from (the paywall's "Subscribe"); anything
  // that is not a slug or a same-site path is dropped, not an error.
  const from = returnTarget(query.from);
  // An offer link's offer, for the plans it is for; a subscriber has no use for one.
  const shown =
    subscriber || !plans
      ? ({ state: "none" } as const)
      : await offerToShow(query.offer, plans, { refusedAtCheckout: query.error === "offer" });
  const offer = shown.state === "offer" ? shown.offer : null;
  const shownPlans = shown.state === "offer" ? shown.plans : plans;
  const here = subscribePath(from, offer ? { offer: offer.code } : {});
  return (
    <div className="subscribe-page">
      <p className="kicker">All-Access</p>
      <h1>Subscribe to {env().PUBLICATION_NAME}</h1>
      <AllAccessBenefits />
      {query.canceled === "1" && (
        <p className="notice" role="status">
          Checkout was cancelled; nothing was charged.
          {from && (
            <>
              {" "}
              <Link href={from.path}>Back to where you were reading</Link>
            </>
          )}
        </p>
      )}
      <OfferNotice shown={shown} withoutOffer={subscribePath(from)} />
      {query.error === "checkout" && (
        <p className="form-error" role="alert">
          We could not start the checkout just now. Please try again in a moment.
        </p>
      )}
      {subscriber ? (
        <div className="notice" role="status">
          <p>You are an All-Access subscriber: everything is yours to read.</p>
          <ManageBillingButton />
        </div>
      ) : shownPlans === null || shownPlans.length === 0 ? (
        <p className="form-error" role="alert">
          The plans cannot be shown just now. Please try again in a moment.
        </p>
      ) : (
        <>
          <div className="plan-grid">
            {shownPlans.map((plan) => (
              <PlanCard
                key={plan.key}
                plan={plan}
                from={from?.from ?? null}
                offerCode={offer?.code ?? null}
                terms={planTerms(plan, offer, trialDays)}
              />
            ))}
          </div>
          <p className="meta">
            You pay securely with Stripe and can cancel at any time from your account.
            {reader ? null : (
              <>
                {" "}
                You give your email address at checkout: your subscription belongs to the account of that address.
                {offer && (
                  <>
                    {" "}
                    Have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(here)}`}>Sign in</Link> and
                    come back to this offer.
                  </>
                )}
              </>
            )}
          </p>
        </>
      )}
      {/* Only for visitors: a signed-in reader has their free articles already. */}
      {!reader && !subscriber && (
        <p className="meta">
          Not ready? <Link href="/signin">Sign in</Link> to read {env().FREE_ARTICLES_PER_MONTH} articles of your choice
          each month for free.
        </p>
      )}
    </div>
  );
}
