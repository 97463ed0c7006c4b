// GET /admin/organisations/{id}: one organisation's form and its seats (admins).
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrganisationSeatsSection } from "@/components/account/organisation-seats-section";
import { SEAT_NOTICES } from "@/components/account/seat-notices";
import { NewsroomNotice } from "@/components/newsroom/newsroom-notice";
import { OrganisationForm } from "@/components/newsroom/organisations/organisation-form";
import { formatDate, formatLastDay } from "@/lib/articles/format";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";
import { organisationDetail } from "@/lib/organisations/organisation-queries";
import { saveOrganisationAction } from "../actions";
import "@/app/account/organisation/organisation.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Organisation" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

const NOTICES = {
  ...SEAT_NOTICES,
  created: { text: "The organisation is created." },
  saved: { text: "Saved." },
};

const STATE = { upcoming: "Not started yet", active: "Active", ended: "Ended" } as const;

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("admin", `/admin/organisations/${id}`);
  const detail = await organisationDetail(actor, id);
  if (!detail) notFound();
  const { notice } = await searchParams;
  const { seats } = detail;
  const path = `/admin/organisations/${id}`;
  return (
    <div className="newsroom-organisation">
      <p className="meta">
        <Link href="/admin/organisations">All organisations</Link>
      </p>
      <h1>{seats.name}</h1>
      <p className="meta">
        {STATE[seats.state]}: from {formatDate(seats.startsAt)} to the end of {formatLastDay(seats.endsAt)} (
        {env().PUBLICATION_TIMEZONE}). Last changed {formatDate(detail.updatedAt)}.
      </p>
      <NewsroomNotice code={typeof notice === "string" ? notice : undefined} texts={NOTICES} />
      <OrganisationForm
        action={saveOrganisationAction}
        permalink={path}
        id={id}
        initial={{ form: detail.form, errors: {} }}
        timeZone={env().PUBLICATION_TIMEZONE}
        submitLabel="Save changes"
      />
      {seats.seats !== null && (
        <OrganisationSeatsSection organisation={seats} from="admin" permalink={path} heading="Seats" />
      )}
    </div>
  );
}
