// On /account, for an organisation's manager: a way to its seats.
import Link from "next/link";
import { managedOrganisationNames } from "@/lib/organisations/organisation-queries";

export async function ManagedOrganisationsSection({ readerId }: { readerId: string }) {
  const organisations = await managedOrganisationNames(readerId);
  if (organisations.length === 0) return null;
  return (
    <section aria-labelledby="managed-organisations">
      <h2 id="managed-organisations">Your organisation</h2>
      <p>
        You manage the seats of {organisations.map((organisation) => organisation.name).join(", ")}:{" "}
        <Link href="/account/organisation">invite and remove members</Link>.
      </p>
    </section>
  );
}
