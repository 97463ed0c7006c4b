// The article list's filters: a GET form, so it works without JavaScript and
// every filtered list has an address.
import type { ArticleStatus } from "@/lib/newsroom/articles/editable-article";

export function ArticleFilters({ status, query }: { status: ArticleStatus | undefined; query: string }) {
  return (
    <form method="get" action="/admin/articles" className="newsroom-filters" role="search" aria-label="Filter articles">
      <label className="search-filter">
        Status
        <select name="status" defaultValue={status ?? ""}>
          <option value="">All</option>
          <option value="draft">Drafts</option>
          <option value="scheduled">Scheduled</option>
          <option value="published">Published</option>
        </select>
      </label>
      <label className="search-filter">
        Headline
        <input type="search" name="q" defaultValue={query} maxLength={200} placeholder="Words in the headline" />
      </label>
      <button type="submit" className="button">
        Filter
      </button>
    </form>
  );
}
