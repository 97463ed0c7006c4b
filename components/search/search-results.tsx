import Link from "next/link";
import { Pagination } from "@/components/listing/pagination";
import type { SearchOutcome } from "@/lib/search/search-library";
import { searchQueryString } from "@/lib/search/search-request";
import { SearchResultCard } from "./search-result-card";

type Results = Extract<SearchOutcome, { kind: "results" }>;

const count = (n: number) => n.toLocaleString("en-GB");

/** The count, one page of results, and links to the others. */
export function SearchResults({ results }: { results: Results }) {
  const { request, total, pageCount, hits } = results;
  const basePath = `/search?${searchQueryString(request, { page: 1 })}`;
  const lastPage = `/search?${searchQueryString(request, { page: pageCount })}`;
  return (
    <section className="search-results" aria-labelledby="search-results-title">
      <h2 id="search-results-title" className="search-count" aria-live="polite">
        {total === 0
          ? `No articles found for “${request.query}”`
          : `${count(total)} ${total === 1 ? "article" : "articles"} found for “${request.query}”`}
      </h2>
      {total === 0 && <p>Check the spelling, use fewer or more general words, or remove a filter.</p>}
      {total > 0 && hits.length === 0 && (
        <p>
          There are no results on page {request.page}. <Link href={lastPage}>Go to the last page</Link>.
        </p>
      )}
      {hits.length > 0 && (
        <div className="card-list">
          {hits.map((hit) => (
            <SearchResultCard key={hit.article.id} hit={hit} />
          ))}
        </div>
      )}
      <Pagination
        basePath={basePath}
        page={request.page}
        pageCount={pageCount}
        labels={{ previous: "← Previous", next: "Next →" }}
      />
    </section>
  );
}
