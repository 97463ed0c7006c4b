// GET /admin/authors: every author with its article count, and a new one (editors).
import { TaxonomyListPage } from "@/components/newsroom/taxonomy/taxonomy-list-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Authors" };

export default async function AuthorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/authors");
  return <TaxonomyListPage actor={actor} kind="author" query={await searchParams} />;
}
