// GET /admin/topics: every topic with its article count, and a new one (editors).
import { TaxonomyListPage } from "@/components/newsroom/taxonomy/taxonomy-list-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Topics" };

export default async function TopicsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/topics");
  return <TaxonomyListPage actor={actor} kind="topic" query={await searchParams} />;
}
