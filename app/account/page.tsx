// GET /account: everything a reader can see and change about themselves.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountNotice } from "@/components/account/account-notice";
import { DataSection } from "@/components/account/data-section";
import { EmailSection } from "@/components/account/email-section";
import { FreeArticlesSection } from "@/components/account/free-articles-section";
import { GiftsSection } from "@/components/account/gifts-section";
import { ManagedOrganisationsSection } from "@/components/account/managed-organisations-section";
import { NewslettersSection } from "@/components/account/newsletters-section";
import { PlanSection } from "@/components/account/plan-section";
import { ActionForm } from "@/components/site/action-form";
import { signOutEverywhereAction } from "@/app/signin/actions";
import { currentSubscription, hasComp, runningOrganisations } from "@/lib/access/article-access";
import { listUnlockedArticles, readMeter } from "@/lib/access/reader-meter";
import { listNewsletterChoices } from "@/lib/account/newsletter-choices";
import { getReader } from "@/lib/auth/get-reader";
import type { SearchParamValue } from "@/lib/http/search-params";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  sendPageWithoutScripts();
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/account");
  const [query, meter, unlocked, current, organisations] = await Promise.all([
    searchParams,
    readMeter(reader),
    listUnlockedArticles(reader.id),
    currentSubscription(reader),
    runningOrganisations(reader),
  ]);
  const compUntil = hasComp(reader) ? reader.compUntil : null;
  const readsEverything = current !== undefined || compUntil !== null;
  const newsletters = await listNewsletterChoices(reader.id, readsEverything);
  const notice = typeof query.notice === "string" ? query.notice : query.error === "portal" ? "portal" : undefined;
  return (
    <div className="message-page account-page">
      <p className="kicker">Your account</p>
      <h1>{reader.email}</h1>
      <AccountNotice code={notice} />
      <PlanSection current={current} compUntil={compUntil} organisations={organisations} />
      <ManagedOrganisationsSection readerId={reader.id} />
      <FreeArticlesSection meter={meter} unlocked={unlocked} subscriber={readsEverything || organisations.length > 0} />
      <GiftsSection readerId={reader.id} canGift={readsEverything} />
      <NewslettersSection choices={newsletters} />
      <EmailSection email={reader.email} />
      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <ActionForm action={signOutEverywhereAction} permalink="/account">
          <button type="submit" className="button">
            Sign out everywhere
          </button>
        </ActionForm>
      </section>
      <DataSection />
    </div>
  );
}
