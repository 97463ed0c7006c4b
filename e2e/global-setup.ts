// Creates (or resets) the articles in fixtures.ts, with an author and tags,
// directly in the database the web server reads.
import pg from "pg";
import { CUT_COLUMNS, cutValues, storedCut } from "../lib/articles/stored-cut";
import { e2eArticles } from "./fixtures";

/** `a, b` as `EXCLUDED.a, EXCLUDED.b`. */
const excluded = (columns: string) =>
  columns
    .split(",")
    .map((column) => `EXCLUDED.${column.trim()}`)
    .join(", ");

export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests through `npm test`");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const author = await client.query<{ id: string }>(
      `INSERT INTO authors (slug, name, role) VALUES ('e2e-correspondent', 'Imogen Test', 'Energy Correspondent')
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    );
    const topic = await client.query<{ id: string }>(
      `INSERT INTO tags (type, slug, name) VALUES ('topic', 'e2e-energy', 'E2E Energy')
       ON CONFLICT (type, slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    );
    const regions = new Map<string, string>();
    for (const [slug, name] of [
      ["e2e-strait", "E2E Strait"],
      ["e2e-isthmus", "E2E Isthmus"],
    ]) {
      const region = await client.query<{ id: string }>(
        `INSERT INTO tags (type, slug, name) VALUES ('region', $1, $2)
         ON CONFLICT (type, slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [slug, name],
      );
      regions.set(slug!, region.rows[0]!.id);
    }
    for (const [index, article] of e2eArticles.entries()) {
      const row = await client.query<{ id: string }>(
        `INSERT INTO articles (slug, title, dek, body, kind, status, free, published_at, ${CUT_COLUMNS})
         VALUES ($1, $2, $3, $4, 'daily', 'published', $5, now() - make_interval(mins => $6), $7, $8, $9, $10, $11)
         ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title, dek = EXCLUDED.dek, body = EXCLUDED.body,
           free = EXCLUDED.free, status = 'published', published_at = EXCLUDED.published_at,
           (${CUT_COLUMNS}) = (${excluded(CUT_COLUMNS)})
         RETURNING id`,
        [
          article.slug,
          article.title,
          article.dek,
          article.body,
          article.free,
          index + 1,
          ...cutValues(storedCut(article.body)),
        ],
      );
      const articleId = row.rows[0]!.id;
      await client.query("INSERT INTO article_authors (article_id, author_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
        articleId,
        author.rows[0]!.id,
      ]);
      await client.query(
        "INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2), ($1, $3) ON CONFLICT DO NOTHING",
        [articleId, topic.rows[0]!.id, regions.get(article.region ?? "e2e-strait")],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}
