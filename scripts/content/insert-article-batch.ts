import type { Client, PoolClient } from "pg";
import { CUT_COLUMNS, storedCut } from "../../lib/articles/stored-cut";
import type { GeneratedArticle } from "./generate-articles";
import type { CatalogIds } from "./insert-catalog";

export type BatchCounts = { articles: number; articleAuthors: number; articleTags: number };

// One round trip per batch: the articles and both join tables are written by
// a single statement whose join inserts use the ids the article insert
// returns. Articles whose slug already exists are skipped together with their
// join rows, which is what makes re-running a seed harmless. Each body is
// stored with its paywall cut (lib/articles/stored-cut.ts), as every writer's.
const INSERT_BATCH = `
WITH inserted AS (
  INSERT INTO articles (slug, title, dek, body, kind, status, free, published_at, ${CUT_COLUMNS}, created_at, updated_at)
  SELECT a.*, least(a.published_at, now()), least(a.published_at, now()) FROM unnest(
    $1::text[], $2::text[], $3::text[], $4::text[],
    $5::"ArticleKind"[], $6::"ArticleStatus"[], $7::boolean[], $8::timestamptz[],
    $14::text[], $15::text[], $16::int[], $17::int[], $18::text[]
  ) AS a(slug, title, dek, body, kind, status, free, published_at, ${CUT_COLUMNS})
  ON CONFLICT (slug) DO NOTHING
  RETURNING id, slug
), author_links AS (
  INSERT INTO article_authors (article_id, author_id, position)
  SELECT inserted.id, link.author_id, link.position
  FROM unnest($9::text[], $10::uuid[], $11::int[]) AS link(slug, author_id, position)
  JOIN inserted ON inserted.slug = link.slug
  RETURNING 1
), tag_links AS (
  INSERT INTO article_tags (article_id, tag_id)
  SELECT inserted.id, link.tag_id
  FROM unnest($12::text[], $13::uuid[]) AS link(slug, tag_id)
  JOIN inserted ON inserted.slug = link.slug
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS articles,
       (SELECT count(*) FROM author_links)::int AS article_authors,
       (SELECT count(*) FROM tag_links)::int AS article_tags`;

/**
 * Starts inserting `articles`. The parameters are built before this function
 * returns, so the caller may reuse its array while the query runs.
 */
export async function insertArticleBatch(
  client: Client | PoolClient,
  articles: readonly GeneratedArticle[],
  ids: CatalogIds,
): Promise<BatchCounts> {
  const columns = {
    slug: [] as string[],
    title: [] as string[],
    dek: [] as string[],
    body: [] as string[],
    kind: [] as string[],
    status: [] as string[],
    free: [] as boolean[],
    publishedAt: [] as (string | null)[],
    previewMarkdown: [] as string[],
    gatedMarkdown: [] as string[],
    previewParagraphs: [] as number[],
    cutVersion: [] as number[],
    cutBodyMd5: [] as string[],
  };
  const authorLinks = { slug: [] as string[], authorId: [] as string[], position: [] as number[] };
  const tagLinks = { slug: [] as string[], tagId: [] as string[] };

  for (const article of articles) {
    columns.slug.push(article.slug);
    columns.title.push(article.title);
    columns.dek.push(article.dek);
    columns.body.push(article.body);
    columns.kind.push(article.kind);
    columns.status.push(article.status);
    columns.free.push(article.free);
    // ISO strings, not Date objects: pg would format Dates in the local zone.
    columns.publishedAt.push(article.publishedAt?.toISOString() ?? null);
    const cut = storedCut(article.body);
    columns.previewMarkdown.push(cut.previewMarkdown);
    columns.gatedMarkdown.push(cut.gatedMarkdown);
    columns.previewParagraphs.push(cut.previewParagraphs);
    columns.cutVersion.push(cut.cutVersion);
    columns.cutBodyMd5.push(cut.cutBodyMd5);
    article.authorSlugs.forEach((slug, position) => {
      authorLinks.slug.push(article.slug);
      authorLinks.authorId.push(lookup(ids.authors, slug, "author"));
      authorLinks.position.push(position);
    });
    for (const slug of article.topicSlugs) {
      tagLinks.slug.push(article.slug);
      tagLinks.tagId.push(lookup(ids.topics, slug, "topic"));
    }
    for (const slug of article.regionSlugs) {
      tagLinks.slug.push(article.slug);
      tagLinks.tagId.push(lookup(ids.regions, slug, "region"));
    }
  }

  const result = client.query<{ articles: number; article_authors: number; article_tags: number }>(INSERT_BATCH, [
    columns.slug,
    columns.title,
    columns.dek,
    columns.body,
    columns.kind,
    columns.status,
    columns.free,
    columns.publishedAt,
    authorLinks.slug,
    authorLinks.authorId,
    authorLinks.position,
    tagLinks.slug,
    tagLinks.tagId,
    columns.previewMarkdown,
    columns.gatedMarkdown,
    columns.previewParagraphs,
    columns.cutVersion,
    columns.cutBodyMd5,
  ]);
  const row = (await result).rows[0]!;
  return { articles: row.articles, articleAuthors: row.article_authors, articleTags: row.article_tags };
}

function lookup(ids: Map<string, string>, slug: string, what: string): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`insertArticleBatch: unknown ${what} "${slug}"`);
  return id;
}
