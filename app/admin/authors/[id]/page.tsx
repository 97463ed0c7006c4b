// GET /admin/authors/{id}: edit, merge or delete one author (editors).
import { TaxonomyItemPage } from "@/components/newsroom/taxonomy/taxonomy-item-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Author" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export default async function AuthorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("editor", `/admin/authors/${id}`);
  return <TaxonomyItemPage actor={actor} kind="author" id={id} query={await searchParams} />;
}
