// GET /search?q=: search the whole library; each result shows what the reader may read of it.
import type { Metadata } from "next";
import { SearchForm } from "@/components/search/search-form";
import { SearchHelp } from "@/components/search/search-help";
import { SearchResults } from "@/components/search/search-results";
import { listAuthors, listTags } from "@/lib/articles/taxonomy-queries";
import { getReader } from "@/lib/auth/get-reader";
import type { SearchParamValue } from "@/lib/http/search-params";
import { pageAddressOrganisations } from "@/lib/organisations/page-address-organisations";
import { searchLibrary } from "@/lib/search/search-library";
import { normalizeQuery } from "@/lib/search/search-request";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, SearchParamValue>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const raw = [(await searchParams).q].flat()[0];
  const query = normalizeQuery(raw ?? "").slice(0, 80);
  // Result pages are per reader and endless in number: not for search engines.
  return { title: query ? `Search: ${query}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const [outcome, topics, regions, authors] = await Promise.all([
    // An address an organisation admits finds gated articles' whole text (the page is then private).
    searchLibrary(params, await getReader(), { browser: { addressOrganisations: await pageAddressOrganisations() } }),
    listTags("topic"),
    listTags("region"),
    listAuthors(),
  ]);
  const request = outcome.kind === "refused" ? undefined : outcome.request;
  const query = outcome.kind === "refused" ? outcome.query : outcome.request.query;
  return (
    <div className="search-page">
      <header className="listing-header">
        <p className="kicker">Search</p>
        <h1>Search the library</h1>
      </header>
      <SearchForm request={request} query={query} options={{ topics, regions, authors }} />
      {outcome.kind === "refused" && (
        <p className="notice notice-error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.kind === "results" && <SearchResults results={outcome} />}
      {(outcome.kind === "empty" || outcome.kind === "refused") && <SearchHelp topics={topics} regions={regions} />}
    </div>
  );
}
