// GET /admin/organisations: every organisation, with its period and what gives
// access (domains, IP ranges, seats), and the form for a new one (admins).
import Link from "next/link";
import { OrganisationForm } from "@/components/newsroom/organisations/organisation-form";
import { OrganisationsTable } from "@/components/newsroom/organisations/organisations-table";
import { env } from "@/lib/config/env";
import { requireRole } from "@/lib/newsroom/require-role";
import { listOrganisations } from "@/lib/organisations/organisation-queries";
import { EMPTY_FORM } from "@/lib/organisations/organisation-input";
import { saveOrganisationAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Organisations" };

export default async function OrganisationsPage() {
  const actor = await requireRole("admin", "/admin/organisations");
  const organisations = await listOrganisations(actor);
  return (
    <div className="newsroom-organisations">
      <h1>Organisations</h1>
      <p className="meta">
        Universities, ministries and newsrooms that buy All-Access for their people: by email domain, by IP range, or by
        seats their manager hands out. Every change is in the <Link href="/admin/audit">audit log</Link>.
      </p>
      {organisations.length === 0 ? <p>No organisations yet.</p> : <OrganisationsTable organisations={organisations} />}
      <section aria-labelledby="new-organisation">
        <h2 id="new-organisation">New organisation</h2>
        <OrganisationForm
          action={saveOrganisationAction}
          permalink="/admin/organisations"
          initial={{ form: EMPTY_FORM, errors: {} }}
          timeZone={env().PUBLICATION_TIMEZONE}
          submitLabel="Create organisation"
        />
      </section>
    </div>
  );
}
