// GET /subscribe: the All-Access plans, priced from Stripe, and the way to buy.
import type { Metadata } from "next";
import Link from "next/link";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { ManageBillingButton } from "@/components/billing/manage-billing-button";
import { PlanCard } from "@/components/billing/plan-card";
import { isSubscriber } from "@/lib/access/article-access";
import { getReader } from "@/lib/auth/get-reader";
import { listPlans, type Plan } from "@/lib/billing/plans";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Subscribe to All-Access" };

const BENEFITS = [
  "Every daily analysis and in-depth report, in full",
  "The full searchable library of our archive",
  "The Daily Review every weekday and the Weekly Review every weekend",
  "Reading without advertising",
];

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
  const subscriber = await isSubscriber(reader);
  return (
    <div className="subscribe-page">
      <p className="kicker">All-Access</p>
      <h1>Subscribe to {env().PUBLICATION_NAME}</h1>
      <ul className="benefits">
        {BENEFITS.map((benefit) => (
          <li key={benefit}>{benefit}</li>
        ))}
      </ul>
      {query.canceled === "1" && (
        <p className="notice" role="status">
          Checkout was cancelled; nothing was charged.
        </p>
      )}
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
      ) : plans === null || plans.length === 0 ? (
        <p className="form-error" role="alert">
          The plans cannot be shown just now. Please try again in a moment.
        </p>
      ) : (
        <>
          <div className="plan-grid">
            {plans.map((plan) => (
              <PlanCard key={plan.key} plan={plan} canBuy={reader !== null} />
            ))}
          </div>
          {reader ? (
            <p className="meta">You pay securely with Stripe and can cancel at any time from your account.</p>
          ) : (
            <section className="subscribe-sign-in" aria-labelledby="subscribe-email">
              <h2 id="subscribe-email">First, your email address</h2>
              <p>
                We send you a link to confirm it; it signs you in (or creates your account) and brings you back here to
                choose a plan. Already have an account? The same link signs you in.
              </p>
              <EmailSignInForm source="signin" callbackUrl="/subscribe" submitLabel="Continue" />
            </section>
          )}
        </>
      )}
      <p className="meta">
        Not ready? <Link href="/signin">Sign in</Link> to read {env().FREE_ARTICLES_PER_MONTH} articles of your choice
        each month for free.
      </p>
    </div>
  );
}
