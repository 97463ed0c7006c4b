// Highlighted headline, dek and snippet for each result on a page, made by
// ts_headline inside PostgreSQL from the text the reader may read: the free
// preview (folio_preview) when the access decision is "preview", the whole
// body only when it is "full". For a preview, the gated part is never read
// into the snippet, so it cannot leave the database; a word found only there
// brings the article up without showing where.
//
// ts_headline parses the whole text it is given, which is why only the
// page's results (never every match) get snippets.
import type { AccessLevel } from "@/lib/access/decide-access";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { MATCH_START, MATCH_STOP, parseHighlighted, type HighlightedText } from "./highlighted-text";

export type Snippets = { title: HighlightedText; dek: HighlightedText; snippet: HighlightedText };

const MARKS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}`;
const WHOLE = `HighlightAll=true, ${MARKS}`;
const EXCERPT = `MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", ${MARKS}`;

export async function buildSnippets(
  query: string,
  results: { id: string; level: AccessLevel }[],
): Promise<Map<string, Snippets>> {
  if (results.length === 0) return new Map();
  const ids = results.map((result) => result.id);
  const fullIds = results.filter((result) => result.level === "full").map((result) => result.id);
  const paragraphs = env().PREVIEW_PARAGRAPHS;
  const rows = await db().$queryRaw<{ id: string; title: string; dek: string; snippet: string }[]>`
    SELECT a.id::text AS id,
           ts_headline('english', a.title, q.query, ${WHOLE}) AS title,
           ts_headline('english', a.dek, q.query, ${WHOLE}) AS dek,
           ts_headline('english',
             CASE WHEN a.id = ANY(${fullIds}::uuid[])
               THEN regexp_replace(a.body, '<!--[ \t]*paywall[ \t]*-->', ' ', 'g')
               ELSE folio_preview(a.body, ${paragraphs}::int)
             END,
             q.query, ${EXCERPT}) AS snippet
    FROM articles a, websearch_to_tsquery('english', ${query}) AS q(query)
    WHERE a.id = ANY(${ids}::uuid[])`;
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
