// GET /admin/topics/{id}: edit, merge or delete one topic (editors).
import { TaxonomyItemPage } from "@/components/newsroom/taxonomy/taxonomy-item-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Topic" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export default async function TopicPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("editor", `/admin/topics/${id}`);
  return <TaxonomyItemPage actor={actor} kind="topic" id={id} query={await searchParams} />;
}
