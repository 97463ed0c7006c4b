// What a search shows every reader alike, computed once and kept until the
// library changes: the ranked page with its count, each result's summary, and
// each result's snippet cut from the text anyone may read (the access
// decision for no reader: the preview of a gated article, the whole of a free
// one). Never anything of one reader: their decision and a snippet from text
// only they may read are made per request (search-library.ts).
//
// Kept in the shared reads (lib/cache/shared-read.ts) under the normalised
// request, tagged with every list of articles (any publication, edit or
// unpublication changes a search's answer) and the taxonomy (filters name
// topics, regions and authors; summaries show their names). An entry is a
// page of 20 results, about 20 KB.
import type { AccessLevel } from "@/lib/access/decide-access";
import { readArticlesFor } from "@/lib/access/read-article";
import { getArticleSummaries, type ArticleSummary } from "@/lib/articles/article-queries";
import { joinParts } from "@/lib/articles/paywall-cut";
import { ARTICLE_LISTS, TAXONOMY } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { buildSnippets, type Snippets } from "./build-snippets";
import { rankMatches } from "./rank-matches";
import { resolveSearchFilters } from "./search-filters";
import { MAX_PAGE, SEARCH_PAGE_SIZE, type SearchRequest } from "./search-request";

export type SearchHit = Snippets & {
  article: ArticleSummary;
  /** What the snippet was cut from: the reader's level, or (in the shared entry) anyone's. */
  access: AccessLevel;
  score: number | null;
};

export type SearchError = "query_too_long" | "invalid_parameter" | "no_search_terms" | "only_excluded_words";

export type SearchOutcome =
  /** No query: the page shows how to search, the API says what is missing. */
  | { kind: "empty"; request: SearchRequest }
  | { kind: "refused"; error: SearchError; field: string; message: string; query: string }
  | {
      kind: "results";
      request: SearchRequest;
      total: number;
      pageCount: number;
      pageSize: number;
      hits: SearchHit[];
    };

const NO_TERMS =
  "There is nothing to search for: very common words such as “the”, and punctuation, are left out. Try a more specific word.";
const ONLY_EXCLUSIONS = "Add a word to search for: a word with a minus sign in front (-word) only leaves articles out.";

/** The search as anyone may see it, at `now`; computed each time (publicSearch keeps it). */
export async function searchForAnyone(request: SearchRequest, now = new Date()): Promise<SearchOutcome> {
  if (request.query === "") return { kind: "empty", request };
  const resolved = await resolveSearchFilters(request);
  if (!resolved.ok) return { kind: "refused", error: "invalid_parameter", ...resolved.problem, query: request.query };

  const ranked = await rankMatches({
    query: request.query,
    filters: resolved.filters,
    sort: request.sort,
    limit: SEARCH_PAGE_SIZE,
    offset: (request.page - 1) * SEARCH_PAGE_SIZE,
    now,
  });
  if (ranked.kind === "no-terms")
    return { kind: "refused", error: "no_search_terms", field: "q", message: NO_TERMS, query: request.query };
  if (ranked.kind === "only-exclusions") {
    return {
      kind: "refused",
      error: "only_excluded_words",
      field: "q",
      message: ONLY_EXCLUSIONS,
      query: request.query,
    };
  }

  // The summaries load while the texts are read and the snippets are cut.
  const [summaries, { texts, snippets }] = await Promise.all([
    getArticleSummaries(ranked.hits.map((hit) => hit.id)),
    readArticlesFor(null, ranked.hits, { now }).then(async (texts) => {
      const readable = [...texts].map(([id, text]) => ({
        id,
        readable: joinParts(text.previewMarkdown, text.gatedMarkdown),
      }));
      return { texts, snippets: await buildSnippets(request.query, readable) };
    }),
  ]);
  const hits: SearchHit[] = [];
  for (const { id, score } of ranked.hits) {
    const article = summaries.get(id);
    const text = texts.get(id);
    const snippet = snippets.get(id);
    // Unpublished between the reads: left out rather than shown half.
    if (article && text && snippet) hits.push({ article, access: text.level, score, ...snippet });
  }
  const pageCount = Math.min(MAX_PAGE, Math.max(1, Math.ceil(ranked.total / SEARCH_PAGE_SIZE)));
  return { kind: "results", request, total: ranked.total, pageCount, pageSize: SEARCH_PAGE_SIZE, hits };
}

/** The search as anyone may see it; callers treat the answer as read-only (it is shared). */
export const publicSearch = sharedRead((request: SearchRequest) => searchForAnyone(request), {
  name: "public-search",
  tags: () => [ARTICLE_LISTS, TAXONOMY],
});
