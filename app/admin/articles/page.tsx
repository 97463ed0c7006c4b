// GET /admin/articles?status=&q=&page=: every article, drafts first, newest
// first, filtered by status and by words in the headline.
import Link from "next/link";
import { Pagination } from "@/components/listing/pagination";
import { ArticleFilters } from "@/components/newsroom/articles/article-filters";
import { ArticleTable } from "@/components/newsroom/articles/article-table";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { listNewsroomArticles, STATUSES } from "@/lib/newsroom/articles/list-newsroom-articles";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Articles" };

const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("editor", "/admin/articles");
  const params = await searchParams;
  const status = STATUSES.find((value) => value === first(params.status));
  const query = (first(params.q) ?? "").trim().slice(0, 200);
  const result = await listNewsroomArticles(actor, { status, query, page: parsePage(params.page) });
  const filters = new URLSearchParams({ ...(status ? { status } : {}), ...(query ? { q: query } : {}) }).toString();
  return (
    <div>
      <div className="newsroom-heading">
        <h1>Articles</h1>
        <Link href="/admin/articles/new" className="button button-primary">
          New article
        </Link>
      </div>
      <ArticleFilters status={status} query={query} />
      <p className="meta" role="status">
        {result.total.toLocaleString("en")} {result.total === 1 ? "article" : "articles"}
        {query ? ` with “${query}” in the headline` : ""}
      </p>
      {result.articles.length > 0 && <ArticleTable articles={result.articles} />}
      <Pagination
        basePath={filters ? `/admin/articles?${filters}` : "/admin/articles"}
        page={result.page}
        pageCount={result.pageCount}
      />
    </div>
  );
}
