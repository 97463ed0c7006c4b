// GET /account/organisation: the seats of the organisations this reader manages
// (invite, see who joined and when they last read, remove).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { OrganisationSeatsSection } from "@/components/account/organisation-seats-section";
import { getReader } from "@/lib/auth/get-reader";
import type { SearchParamValue } from "@/lib/http/search-params";
import { managedOrganisations } from "@/lib/organisations/organisation-queries";
import { SEAT_NOTICES } from "@/components/account/seat-notices";
import { NewsroomNotice } from "@/components/newsroom/newsroom-notice";
import "./organisation.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your organisation", robots: { index: false } };

const PATH = "/account/organisation";

export default async function OrganisationManagerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const reader = await getReader();
  if (!reader) redirect(`/signin?callbackUrl=${PATH}`);
  const [organisations, query] = await Promise.all([managedOrganisations(reader.id), searchParams]);
  return (
    <div className="message-page account-page organisation-page">
      <p className="kicker">
        <Link href="/account">Your account</Link>
      </p>
      <h1>{organisations.length === 1 ? organisations[0]!.name : "Your organisations"}</h1>
      <NewsroomNotice code={typeof query.notice === "string" ? query.notice : undefined} texts={SEAT_NOTICES} />
      {organisations.length === 0 ? (
        <p>You manage no organisation’s seats. The publisher names an organisation’s manager.</p>
      ) : (
        <>
          <p>
            Members read everything while the organisation’s access runs. Each invitation holds a seat until it is
            accepted or withdrawn, and expires after 14 days; a removed member stops reading through the organisation at
            once.
          </p>
          {organisations.map((organisation) => (
            <OrganisationSeatsSection
              key={organisation.id}
              organisation={organisation}
              from="account"
              permalink={PATH}
              heading={organisations.length === 1 ? "Seats" : organisation.name}
            />
          ))}
        </>
      )}
    </div>
  );
}
