// GET /admin: the newsroom's front page, for editors and admins.
import Link from "next/link";
import { hasRole } from "@/lib/auth/roles";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";

export default async function NewsroomHome() {
  const actor = await requireRole("editor", "/admin");
  return (
    <div>
      <h1>Newsroom</h1>
      <p className="meta">
        Signed in as {actor.label}, {actor.role}.
      </p>
      <ul className="newsroom-cards">
        <li>
          <Link href="/admin/articles">Articles</Link>: write, schedule, publish.
        </li>
        <li>
          <Link href="/admin/authors">Authors</Link>, <Link href="/admin/topics">topics</Link> and{" "}
          <Link href="/admin/regions">regions</Link>.
        </li>
        <li>
          <Link href="/admin/newsletters">Newsletters</Link>: the next issues and what was sent.
        </li>
        <li>
          <Link href="/admin/insights">Insights</Link>: the paywall&apos;s funnel, articles, readers
          {hasRole(actor.role, "admin") ? ", revenue" : ""} and newsletters.
        </li>
        {hasRole(actor.role, "admin") && (
          <>
            <li>
              <Link href="/admin/readers">Readers</Link>: subscribers, comp access, roles.
            </li>
            <li>
              <Link href="/admin/organisations">Organisations</Link>: All-Access by email domain, IP range or seats.
            </li>
            <li>
              <Link href="/admin/audit">Audit log</Link>: who published, changed roles or granted comp access.
            </li>
          </>
        )}
      </ul>
    </div>
  );
}
