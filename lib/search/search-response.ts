// The JSON of GET /api/search: one shape for scripts and for the tests.
// Highlights are HTML with the matched words in <mark> and everything else
// escaped; the plain title, dek and snippet are there too.
import { highlightedHtml, plainText } from "./highlighted-text";
import type { SearchOutcome } from "./search-library";

export type SearchJson = { status: number; body: Record<string, unknown> };

export function searchJson(outcome: SearchOutcome): SearchJson {
  if (outcome.kind === "empty") {
    return {
      status: 400,
      body: {
        error: "missing_query",
        message: "Say what to search for in the q parameter (for example /api/search?q=energy+security).",
      },
    };
  }
  if (outcome.kind === "refused") {
    return { status: 400, body: { error: outcome.error, field: outcome.field, message: outcome.message } };
  }
  const { request, total, pageCount, pageSize, hits } = outcome;
  const { query, sort, page, ...filters } = request;
  return {
    status: 200,
    body: {
      query,
      sort,
      filters,
      page,
      pageSize,
      pageCount,
      total,
      results: hits.map(({ article, access, score, title, dek, snippet }) => ({
        slug: article.slug,
        url: `/articles/${article.slug}`,
        title: article.title,
        dek: article.dek,
        kind: article.kind,
        free: article.free,
        publishedAt: article.publishedAt.toISOString(),
        authors: article.authors,
        topics: article.topics,
        regions: article.regions,
        access,
        score,
        snippet: plainText(snippet),
        highlights: { title: highlightedHtml(title), dek: highlightedHtml(dek), snippet: highlightedHtml(snippet) },
      })),
    },
  };
}
