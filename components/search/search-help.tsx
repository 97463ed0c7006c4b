import { TagChips } from "@/components/site/tag-chips";
import type { Tag } from "@/lib/articles/taxonomy-queries";

/** What the search page shows before anything is searched for. */
export function SearchHelp({ topics, regions }: { topics: Tag[]; regions: Tag[] }) {
  return (
    <section className="search-help" aria-labelledby="search-help-title">
      <h2 id="search-help-title">How to search</h2>
      <ul>
        <li>
          Type a few words: <code>grain exports</code> finds articles with both, and related forms too (
          <code>export</code>, <code>exported</code>).
        </li>
        <li>
          Put a phrase in quotes: <code>&quot;voter turnout&quot;</code>.
        </li>
        <li>
          Use <code>OR</code> for either word: <code>sanctions OR tariffs</code>.
        </li>
        <li>
          Put a minus sign before a word to leave it out: <code>energy -nuclear</code>.
        </li>
        <li>Narrow the results by topic, region, kind, author or date, and sort them by relevance or newest first.</li>
      </ul>
      <TagChips id="search-help-topics" title="Or browse a topic" tags={topics} />
      <TagChips id="search-help-regions" title="Or a region" tags={regions} />
    </section>
  );
}
