// GET /admin/regions: every region with its article count, and a new one (editors).
import { TaxonomyListPage } from "@/components/newsroom/taxonomy/taxonomy-list-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Regions" };

export default async function RegionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/regions");
  return <TaxonomyListPage actor={actor} kind="region" query={await searchParams} />;
}
