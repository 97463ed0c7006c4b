// GET /subscribe/success: back from Stripe Checkout. This page only shows
// state; access is granted by the webhook, and until it has landed the page
// says "activating" and looks again every few seconds.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { isSubscriber } from "@/lib/access/article-access";
import { getReader } from "@/lib/auth/get-reader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Welcome to All-Access", robots: { index: false } };

export default async function SubscribeSuccessPage() {
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/subscribe/success");
  if (await isSubscriber(reader)) {
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
  return (
    <div className="message-page">
      {/* Works without JavaScript: the browser reloads until the webhook lands. */}
      <meta httpEquiv="refresh" content="2" />
      <p className="kicker">All-Access</p>
      <h1>Activating your subscription…</h1>
      <p role="status">
        Stripe has your payment; we are waiting for its confirmation, which usually takes a few seconds. This page
        refreshes by itself.
      </p>
    </div>
  );
}
