// GET /admin/regions/{id}: edit, merge or delete one region (editors).
import { TaxonomyItemPage } from "@/components/newsroom/taxonomy/taxonomy-item-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Region" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export default async function RegionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("editor", `/admin/regions/${id}`);
  return <TaxonomyItemPage actor={actor} kind="region" id={id} query={await searchParams} />;
}
