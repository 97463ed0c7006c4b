import Link from "next/link";
import type { Role } from "@/lib/auth/roles";
import { hasRole } from "@/lib/auth/roles";

const SECTIONS: { href: string; label: string; role: Role }[] = [
  { href: "/admin/articles", label: "Articles", role: "editor" },
  { href: "/admin/media", label: "Media", role: "editor" },
  { href: "/admin/authors", label: "Authors", role: "editor" },
  { href: "/admin/topics", label: "Topics", role: "editor" },
  { href: "/admin/regions", label: "Regions", role: "editor" },
  { href: "/admin/newsletters", label: "Newsletters", role: "editor" },
  { href: "/admin/insights", label: "Insights", role: "editor" },
  { href: "/admin/readers", label: "Readers", role: "admin" },
  { href: "/admin/organisations", label: "Organisations", role: "admin" },
  { href: "/admin/import", label: "Import", role: "admin" },
  { href: "/admin/audit", label: "Audit log", role: "admin" },
];

/** The newsroom's sections the person's role opens. */
export function NewsroomNav({ role }: { role: Role }) {
  return (
    <nav className="newsroom-nav" aria-label="Newsroom">
      <Link href="/admin" className="newsroom-home">
        Newsroom
      </Link>
      <ul>
        {SECTIONS.filter((section) => hasRole(role, section.role)).map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{section.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
