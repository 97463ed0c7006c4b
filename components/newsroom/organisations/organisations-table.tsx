// The admin's list of organisations: period and state, and what gives access.
import Link from "next/link";
import { formatDate, formatLastDay } from "@/lib/articles/format";
import type { OrganisationSummary } from "@/lib/organisations/organisation-queries";

const STATE = { upcoming: "not started", active: "active", ended: "ended" } as const;

function counted(count: number, one: string, many: string): string | null {
  return count === 0 ? null : `${count} ${count === 1 ? one : many}`;
}

export function OrganisationsTable({ organisations }: { organisations: OrganisationSummary[] }) {
  return (
    <table className="newsroom-table">
      <caption className="visually-hidden">Organisations, their periods and how their readers get access</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Period</th>
          <th scope="col">Access by</th>
        </tr>
      </thead>
      <tbody>
        {organisations.map((organisation) => (
          <tr key={organisation.id}>
            <td>
              <Link href={`/admin/organisations/${organisation.id}`}>{organisation.name}</Link>
            </td>
            <td>
              {formatDate(organisation.startsAt)} – {formatLastDay(organisation.endsAt)}{" "}
              <span className="meta">({STATE[organisation.state]})</span>
            </td>
            <td>
              {[
                counted(organisation.domains, "domain", "domains"),
                counted(organisation.ipRanges, "IP range", "IP ranges"),
                organisation.seats === null ? null : `${organisation.members} of ${organisation.seats} seats taken`,
              ]
                .filter(Boolean)
                .join(" · ") || "nothing yet"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
