// The masthead's search: a plain GET form to /search, rendered on the server.
// It is on every page, so it carries no client code: headline suggestions
// while typing are offered by the search page's own box (search-box.tsx),
// where the reader is already searching, not on every article and listing.
import { MAX_QUERY_LENGTH } from "@/lib/search/search-request";

export function SiteSearch() {
  return (
    <form role="search" aria-label="Site search" action="/search" method="get" className="site-search">
      <div className="search-box">
        <label htmlFor="site-search-query" className="visually-hidden">
          Search the library
        </label>
        <input
          id="site-search-query"
          type="search"
          name="q"
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Search the library"
          autoComplete="off"
        />
      </div>
      <button type="submit" className="button button-small">
        Search
      </button>
    </form>
  );
}
