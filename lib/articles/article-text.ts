// Loads an article's text as Markdown, cut in PostgreSQL (see the
// folio_preview / folio_gated functions in the first migration). For a
// "preview" decision the gated part never leaves the database.
import type { AccessLevel } from "@/lib/access/decide-access";
import { articleTag } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { renderMarkdown } from "./render-markdown";

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

export type RenderedPreview = {
  /** The preview as sanitized HTML. */
  previewHtml: string;
  hasGatedPart: boolean;
};

/**
 * The preview of an article rendered to HTML: the same for every reader, so
 * cached across requests until the article changes. The gated part is not
 * selected here, and so never enters the shared cache.
 */
export const loadRenderedPreview = sharedRead(
  async (articleId: string): Promise<RenderedPreview | null> => {
    const paragraphs = env().PREVIEW_PARAGRAPHS;
    const rows = await db().$queryRaw<{ preview: string; has_gated_part: boolean }[]>`
      SELECT folio_preview(body, ${paragraphs}::int) AS preview,
             folio_gated(body, ${paragraphs}::int) <> '' AS has_gated_part
      FROM articles
      WHERE id = ${articleId}::uuid`;
    const row = rows[0];
    return row ? { previewHtml: renderMarkdown(row.preview), hasGatedPart: row.has_gated_part } : null;
  },
  { name: "rendered-preview", tags: (articleId) => [articleTag(articleId)] },
);

/** The gated part's Markdown, for a reader whose decision is "full": read per request, never cached. */
export async function loadGatedMarkdown(articleId: string): Promise<string | null> {
  const paragraphs = env().PREVIEW_PARAGRAPHS;
  const rows = await db().$queryRaw<{ gated: string }[]>`
    SELECT folio_gated(body, ${paragraphs}::int) AS gated FROM articles WHERE id = ${articleId}::uuid`;
  return rows[0]?.gated ?? null;
}
