// A search of the whole library, as the page and the API run it: validate
// the parameters, rank one page of matches, read each result as the reader
// may read it (the decision with its text, lib/access/read-article.ts), and
// build each snippet from that text.
//
// What every reader sees alike is computed once per search and kept
// (lib/search/public-search.ts): the ranked page, the summaries, and each
// result's snippet cut from the text anyone may read (the preview of a gated
// article, the whole of a free one). Per reader, only the decision is made
// again, and a snippet is cut again from the whole text of each result this
// reader may read in full where anyone else gets the preview. A visitor
// whose address an organisation admits is such a reader, signed in or not.
import type { BrowserContext } from "@/lib/access/article-access";
import { readArticlesFor } from "@/lib/access/read-article";
import { joinParts } from "@/lib/articles/paywall-cut";
import type { Reader } from "@/lib/auth/get-reader";
import { buildSnippets } from "./build-snippets";
import { publicSearch, searchForAnyone, type SearchHit, type SearchOutcome } from "./public-search";
import { normalizeQuery, parseSearchRequest, type RawParams } from "./search-request";

export type { SearchError, SearchHit, SearchOutcome } from "./public-search";

export type SearchOptions = {
  /** For tests: a search at another moment than the present is computed, never kept. */
  now?: Date;
  /** The organisations that admit the client's address; the response must then be private. */
  browser?: Pick<BrowserContext, "addressOrganisations">;
};

/** The search `params` ask for, as `reader` (and the request's address) may see it. */
export async function searchLibrary(
  params: RawParams,
  reader: Reader | null,
  { now, browser = {} }: SearchOptions = {},
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
  const outcome = await (now ? searchForAnyone(parsed.request, now) : publicSearch(parsed.request));
  const anyone = reader === null && !browser.addressOrganisations?.length;
  if (outcome.kind !== "results" || anyone || outcome.hits.length === 0) return outcome;
  return {
    ...outcome,
    hits: await forReader(outcome.request.query, outcome.hits, reader, { now: now ?? new Date(), browser }),
  };
}

/**
 * The page's results as `reader` may read them: each decided for this reader;
 * where the decision gives more than the public snippet was cut from, the
 * snippet is cut again from the whole text, per request and never kept.
 */
async function forReader(
  query: string,
  hits: SearchHit[],
  reader: Reader | null,
  { now, browser }: { now: Date; browser: BrowserContext },
): Promise<SearchHit[]> {
  const texts = await readArticlesFor(
    reader,
    hits.map(({ article }) => article),
    { now, browser },
  );
  const differing = hits.filter((hit) => texts.get(hit.article.id)?.level !== hit.access);
  const snippets = await buildSnippets(
    query,
    differing.flatMap(({ article }) => {
      const text = texts.get(article.id);
      return text ? [{ id: article.id, readable: joinParts(text.previewMarkdown, text.gatedMarkdown) }] : [];
    }),
  );
  return hits.flatMap((hit) => {
    const text = texts.get(hit.article.id);
    // Unpublished between the reads: left out rather than shown half.
    if (!text) return [];
    if (text.level === hit.access) return [hit];
    const snippet = snippets.get(hit.article.id);
    return snippet ? [{ ...hit, access: text.level, ...snippet }] : [];
  });
}
