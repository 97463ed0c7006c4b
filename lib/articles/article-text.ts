// Loads an article's text as Markdown, cut in PostgreSQL (see the
// folio_preview / folio_gated functions in the first migration). For a
// "preview" decision the gated part never leaves the database.
import type { AccessLevel } from "@/lib/access/decide-access";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";

export type ArticleText = {
  previewMarkdown: string;
  /** The rest of the body; null unless the decision was "full". */
  gatedMarkdown: string | null;
  /** Whether there is anything past the preview (short articles have not). */
  hasGatedPart: boolean;
};

export async function loadArticleText(articleId: string, level: AccessLevel): Promise<ArticleText | null> {
  const paragraphs = env().PREVIEW_PARAGRAPHS;
  const full = level === "full";
  const rows = await db().$queryRaw<{ preview: string; gated: string | null; has_gated_part: boolean }[]>`
    SELECT folio_preview(body, ${paragraphs}::int) AS preview,
           CASE WHEN ${full}::boolean THEN folio_gated(body, ${paragraphs}::int) END AS gated,
           folio_gated(body, ${paragraphs}::int) <> '' AS has_gated_part
    FROM articles
    WHERE id = ${articleId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return { previewMarkdown: row.preview, gatedMarkdown: row.gated, hasGatedPart: row.has_gated_part };
}

/** Preview Markdown of several articles (feeds): never their gated part. */
export async function loadPreviews(articleIds: string[]): Promise<Map<string, string>> {
  if (articleIds.length === 0) return new Map();
  const paragraphs = env().PREVIEW_PARAGRAPHS;
  const rows = await db().$queryRaw<{ id: string; preview: string }[]>`
    SELECT id::text AS id, folio_preview(body, ${paragraphs}::int) AS preview
    FROM articles
    WHERE id = ANY(${articleIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.preview]));
}
