// A search of the whole library, as the page and the API run it: validate
// the parameters, rank one page of matches, read each result as the reader
// may read it (the decision with its text, lib/access/read-article.ts), and
// build each snippet from that text.
import type { AccessLevel } from "@/lib/access/decide-access";
import { readArticlesFor } from "@/lib/access/read-article";
import { getArticleSummaries, type ArticleSummary } from "@/lib/articles/article-queries";
import { joinParts } from "@/lib/articles/paywall-cut";
import type { Reader } from "@/lib/auth/get-reader";
import { buildSnippets, type Snippets } from "./build-snippets";
import { rankMatches } from "./rank-matches";
import { resolveSearchFilters } from "./search-filters";
import {
  MAX_PAGE,
  normalizeQuery,
  parseSearchRequest,
  SEARCH_PAGE_SIZE,
  type RawParams,
  type SearchRequest,
} from "./search-request";

export type SearchHit = Snippets & { article: ArticleSummary; access: AccessLevel; score: number | null };

export type SearchError = "query_too_long" | "invalid_parameter" | "no_search_terms" | "only_excluded_words";

export type SearchOutcome =
  /** No query: the page shows how to search, the API says what is missing. */
  | { kind: "empty"; request: SearchRequest }
  | { kind: "refused"; error: SearchError; field: string; message: string; query: string }
  | { kind: "results"; request: SearchRequest; total: number; pageCount: number; pageSize: number; hits: SearchHit[] };

const NO_TERMS =
  "There is nothing to search for: very common words such as “the”, and punctuation, are left out. Try a more specific word.";
const ONLY_EXCLUSIONS = "Add a word to search for: a word with a minus sign in front (-word) only leaves articles out.";

export async function searchLibrary(
  params: RawParams,
  reader: Reader | null,
  now = new Date(),
): Promise<SearchOutcome> {
  const parsed = parseSearchRequest(params);
  if (!parsed.ok) {
    const { field, message } = parsed.problem;
    const raw = params instanceof URLSearchParams ? params.get("q") : [params.q].flat()[0];
    return {
      kind: "refused",
      error: field === "q" ? "query_too_long" : "invalid_parameter",
      field,
      message,
      query: normalizeQuery(raw ?? ""),
    };
  }
  const request = parsed.request;
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
    readArticlesFor(reader, ranked.hits, { now }).then(async (texts) => {
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
