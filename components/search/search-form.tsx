import type { AuthorOption } from "@/lib/articles/taxonomy-queries";
import type { Tag } from "@/lib/articles/taxonomy-queries";
import type { SearchRequest } from "@/lib/search/search-request";
import { SearchBox } from "./search-box";

export type SearchFormOptions = { topics: Tag[]; regions: Tag[]; authors: AuthorOption[] };

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="search-filter">
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search page's form: a plain GET form, so it works without JavaScript. */
export function SearchForm({
  request,
  query,
  options,
}: {
  request?: Partial<SearchRequest>;
  query: string;
  options: SearchFormOptions;
}) {
  const tagOptions = (tags: Tag[]) => tags.map((tag) => ({ value: tag.slug, label: tag.name }));
  return (
    <form role="search" aria-label="Search the library" action="/search" method="get" className="search-form">
      <div className="search-form-query">
        <SearchBox id="search-page-query" defaultValue={query} label="Search the library" />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </div>
      <fieldset className="search-filters">
        <legend className="visually-hidden">Filters</legend>
        <Select name="topic" label="Topic" value={request?.topic} options={tagOptions(options.topics)} />
        <Select name="region" label="Region" value={request?.region} options={tagOptions(options.regions)} />
        <Select
          name="kind"
          label="Kind"
          value={request?.kind}
          options={[
            { value: "daily", label: "Daily Analysis" },
            { value: "in_depth", label: "In-Depth" },
          ]}
        />
        <Select
          name="author"
          label="Author"
          value={request?.author}
          options={options.authors.map((author) => ({ value: author.slug, label: author.name }))}
        />
        <label className="search-filter">
          <span>From</span>
          <input type="date" name="from" defaultValue={request?.from ?? ""} />
        </label>
        <label className="search-filter">
          <span>To</span>
          <input type="date" name="to" defaultValue={request?.to ?? ""} />
        </label>
        <label className="search-filter">
          <span>Sort by</span>
          <select name="sort" defaultValue={request?.sort ?? "relevance"}>
            <option value="relevance">Relevance</option>
            <option value="date">Newest first</option>
          </select>
        </label>
      </fieldset>
    </form>
  );
}
