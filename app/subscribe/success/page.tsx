// GET /subscribe/success: what a buyer back from Stripe Checkout sees while
// /subscribe/return cannot send them on yet. It only shows state; access is
// granted by the webhook. While the webhook is pending it says so and asks
// /subscribe/return again every two seconds, which works without
// JavaScript (a meta refresh) and moves on by itself to the article.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { isSubscriber } from "@/lib/access/article-access";
import { getReader } from "@/lib/auth/get-reader";
import { isCheckoutSessionId } from "@/lib/billing/checkout-return";
import { DEFAULT_RETURN_PATH } from "@/lib/billing/return-target";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import type { SearchParamValue } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Welcome to All-Access", robots: { index: false } };

const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

function SignInBox({ status, next, intro }: { status: string; next: string; intro: string }) {
  const permalink = `/subscribe/success?status=${status}&next=${encodeURIComponent(next)}`;
  return (
    <>
      <p role="status">{intro}</p>
      <EmailSignInForm source="signin" callbackUrl={next} submitLabel="Send me a sign-in link" permalink={permalink} />
    </>
  );
}

export default async function SubscribeSuccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const query = await searchParams;
  const status = first(query.status);
  const sessionId = first(query.session_id);
  const next = safeReturnPath(query.next, DEFAULT_RETURN_PATH);

  if (status === "pending" && isCheckoutSessionId(sessionId)) {
    const again = `/subscribe/return?session_id=${encodeURIComponent(sessionId)}`;
    return (
      <div className="message-page">
        <meta httpEquiv="refresh" content={`2;url=${again}`} />
        <p className="kicker">All-Access</p>
        <h1>Confirming your payment…</h1>
        <p role="status">
          Stripe has your payment; we are waiting for its confirmation, which usually takes a few seconds. This page
          moves on by itself.
        </p>
        <p>
          <a href={again}>Check again</a>
        </p>
      </div>
    );
  }
  if (status === "confirm-email" || status === "sign-in") {
    return (
      <div className="message-page">
        <p className="kicker">All-Access</p>
        <h1>Your subscription is active</h1>
        {status === "confirm-email" ? (
          <SignInBox
            status={status}
            next={next}
            intro="The email address you paid with already has an account, and your subscription is now part of it. To read, confirm the address: we send you a sign-in link."
          />
        ) : (
          <SignInBox
            status={status}
            next={next}
            intro="To read, sign in with the email address you paid with: we send you a sign-in link."
          />
        )}
      </div>
    );
  }
  if (status === "other-account") {
    return (
      <div className="message-page">
        <p className="kicker">All-Access</p>
        <h1>Your subscription is active</h1>
        <p role="status">
          It belongs to the account of the email address you paid with, which is not the one you are signed in with.
          Sign out, then sign in with the address you paid with.
        </p>
      </div>
    );
  }
  if (status === "unknown") {
    return (
      <div className="message-page">
        <p className="kicker">All-Access</p>
        <h1>We could not find that checkout</h1>
        <p role="status">
          Nothing was changed. If you have paid, your subscription is activated all the same: sign in with the email
          address you paid with. Otherwise, <Link href="/subscribe">choose a plan</Link>.
        </p>
      </div>
    );
  }
  const reader = await getReader();
  if (!reader || !(await isSubscriber(reader))) redirect("/subscribe");
  return (
    <div className="message-page">
      <p className="kicker">All-Access</p>
      <h1>Welcome to All-Access</h1>
      <p role="status">Your subscription is active: every article is yours to read.</p>
      <p>
        <Link href="/">Start reading</Link> · <Link href="/account">Your account</Link>
      </p>
    </div>
  );
}
