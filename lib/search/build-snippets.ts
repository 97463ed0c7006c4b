// Highlighted headline, dek and snippet for each result on a page, made by
// ts_headline inside PostgreSQL. The snippet is cut from the text the reader
// may read, which the caller brings from the one read of article text
// (lib/access/read-article.ts): the free preview when the access decision is
// "preview", the whole article only when it is "full". This module never
// selects article text itself, so for a preview the gated part is not even
// loaded; a word found only there brings the article up without showing where.
//
// ts_headline parses the whole text it is given, which is why only the
// page's results (never every match) get snippets.
import { db } from "@/lib/db/prisma";
import { MATCH_START, MATCH_STOP, parseHighlighted, type HighlightedText } from "./highlighted-text";

export type Snippets = { title: HighlightedText; dek: HighlightedText; snippet: HighlightedText };

const MARKS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;
const WHOLE = `HighlightAll=true, ${MARKS}`;
const EXCERPT = `MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", ${MARKS}`;

/** Snippets for `results`, each with the Markdown its reader may read. */
export async function buildSnippets(
  query: string,
  results: { id: string; readable: string }[],
): Promise<Map<string, Snippets>> {
  if (results.length === 0) return new Map();
  const rows = await db().$queryRaw<{ id: string; title: string; dek: string; snippet: string }[]>`
    SELECT a.id::text AS id,
           ts_headline('english', a.title, q.query, ${WHOLE}) AS title,
           ts_headline('english', a.dek, q.query, ${WHOLE}) AS dek,
           ts_headline('english', r.readable, q.query, ${EXCERPT}) AS snippet
    FROM unnest(${results.map((result) => result.id)}::uuid[], ${results.map((result) => result.readable)}::text[])
           AS r(id, readable)
    JOIN articles a ON a.id = r.id,
         websearch_to_tsquery('english', ${query}) AS q(query)`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        title: parseHighlighted(row.title),
        dek: parseHighlighted(row.dek),
        snippet: parseHighlighted(row.snippet, { markdown: true }),
      },
    ]),
  );
}
