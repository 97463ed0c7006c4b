// Suggestions under the search box while the reader types: headlines with a
// word starting with each word typed so far ("iran nuc" finds "Iran's
// Nuclear Talks"). They match the headline's words as written
// (articles.title_words), not stemmed, so a half-typed word matches.
// Headlines are public, so suggestions are the same for every reader.
import { db } from "@/lib/db/prisma";

export type Suggestion = { slug: string; title: string };

const MAX_SUGGESTIONS = 6;
const MAX_WORDS = 8;
const MIN_LENGTH = 2;

/**
 * The tsquery for `typed`, built from its letters and digits only, so no
 * input can inject tsquery syntax: "iran nuc" -> "iran:* & nuc:*".
 */
export function prefixQuery(typed: string): string | null {
  const words = typed.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words || words.join("").length < MIN_LENGTH) return null;
  return words
    .slice(-MAX_WORDS)
    .map((word) => `${word}:*`)
    .join(" & ");
}

export async function suggestHeadlines(typed: string, now = new Date()): Promise<Suggestion[]> {
  const query = prefixQuery(typed);
  if (query === null) return [];
  return db().$queryRaw<Suggestion[]>`
    SELECT a.slug, a.title FROM articles a
    WHERE a.title_words @@ to_tsquery('simple', ${query})
      AND a.status = 'published' AND a.published_at <= ${now}::timestamptz
    ORDER BY a.published_at DESC, a.id
    LIMIT ${MAX_SUGGESTIONS}`;
}
