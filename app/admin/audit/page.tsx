// GET /admin/audit: the audit log, newest first, for admins.
import Link from "next/link";
import { formatDateTime } from "@/lib/articles/format";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { listAudit } from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

const ACTIONS: Record<string, string> = {
  "article.publish": "published",
  "article.schedule": "scheduled",
  "article.unpublish": "unpublished",
  "role.change": "changed the role of",
  "comp.grant": "granted comp access to",
  "comp.revoke": "revoked comp access of",
  "taxonomy.merge": "merged",
  "taxonomy.delete": "deleted",
  "newsletter.edit": "edited the next issue of",
  "newsletter.send": "started sending",
  "newsletter.test": "sent themselves a test of",
  "readers.export": "exported",
  "organisation.create": "created the organisation",
  "organisation.update": "changed the organisation",
  "organisation.invite": "invited a reader to",
  "organisation.withdraw-invitation": "withdrew an invitation to",
  "organisation.join": "joined",
  "organisation.remove-member": "removed a member of",
};

function describeDetails(details: unknown): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, SearchParamValue>> }) {
  const actor = await requireRole("admin", "/admin/audit");
  const page = parsePage((await searchParams).page);
  const { entries, hasMore } = await listAudit(actor, { page });
  return (
    <div>
      <h1>Audit log</h1>
      {entries.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <table className="newsroom-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>{entry.actor}</td>
                <td>
                  {ACTIONS[entry.action] ?? entry.action} {entry.subject}
                </td>
                <td className="meta">{describeDetails(entry.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pagination" aria-label="Pages">
        {page > 1 && <Link href={`/admin/audit?page=${page - 1}`}>Newer</Link>}
        {hasMore && <Link href={`/admin/audit?page=${page + 1}`}>Older</Link>}
      </nav>
    </div>
  );
}
