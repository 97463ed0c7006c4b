// GET /account: the signed-in reader's plan, free articles and sessions.
// (Newsletters, email change and data come with the account issue.)
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FreeArticlesSection } from "@/components/account/free-articles-section";
import { PlanSection } from "@/components/account/plan-section";
import { signOutEverywhereAction } from "@/app/signin/actions";
import { subscriptionGrantsAccess } from "@/lib/access/decide-access";
import { listUnlockedArticles, readMeter } from "@/lib/access/reader-meter";
import { getReader } from "@/lib/auth/get-reader";
import { listSubscriptions } from "@/lib/billing/subscription-queries";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, SearchParamValue>> }) {
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/account");
  const [query, meter, unlocked, subscriptions] = await Promise.all([
    searchParams,
    readMeter(reader.id),
    listUnlockedArticles(reader.id),
    listSubscriptions(reader.id),
  ]);
  const now = new Date();
  const current = subscriptions.find((subscription) =>
    subscriptionGrantsAccess(subscription, now, env().SUBSCRIPTION_GRACE_DAYS),
  );
  return (
    <div className="message-page">
      <p className="kicker">Your account</p>
      <h1>{reader.email}</h1>
      {query.error === "portal" && (
        <p className="form-error" role="alert">
          The billing portal could not be opened just now. Please try again in a moment.
        </p>
      )}
      <PlanSection current={current} />
      {!current && <FreeArticlesSection meter={meter} unlocked={unlocked} />}
      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="button">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
