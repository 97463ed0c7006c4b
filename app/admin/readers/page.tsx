// GET /admin/readers?q=&page=: the readers at a glance, and finding one by address (admins).
import { ReaderCountsPanel } from "@/components/newsroom/readers/reader-counts-panel";
import { ReaderSearchResults } from "@/components/newsroom/readers/reader-search-results";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { countReaders } from "@/lib/newsroom/readers/reader-counts";
import { searchReaders } from "@/lib/newsroom/readers/search-readers";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Readers" };

export default async function ReadersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const actor = await requireRole("admin", "/admin/readers");
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.trim().slice(0, 254) : "";
  const page = parsePage(params.page);
  const [counts, result] = await Promise.all([countReaders(actor), searchReaders(actor, { query, page })]);
  return (
    <div className="newsroom-readers">
      <h1>Readers</h1>
      <ReaderCountsPanel counts={counts} />
      <form method="get" action="/admin/readers" className="inline-form" role="search">
        <label htmlFor="reader-query">Email address contains</label>
        <input id="reader-query" type="search" name="q" defaultValue={query} maxLength={254} autoComplete="off" />
        <button type="submit" className="button">
          Find
        </button>
      </form>
      <ReaderSearchResults result={result} query={query} page={page} />
    </div>
  );
}
