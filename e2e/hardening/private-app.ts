// A Folio of a test's own: a database on a given PostgreSQL, migrated, with
// a few gated articles and readers with sessions (no sign-in email), and a
// web server (server/main.ts) on it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateDatabase } from "../../lib/articles/migrate-database";
import { CUT_COLUMNS, cutValues, storedCut } from "../../lib/articles/stored-cut";

export type PrivateReader = { id: string; email: string; cookie: string };

export async function query<Row extends object>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(
  url: string,
  articles: number,
  readers: number,
): Promise<{ slugs: string[]; readers: PrivateReader[] }> {
  await migrateDatabase(url);
  const slugs: string[] = [];
  for (let index = 0; index < articles; index++) {
    const slug = `fault-article-${index}`;
    slugs.push(slug);
    const body = `Preview ${index}.\n\n<!-- paywall -->\n\nGated ${index} faultgated${index}.`;
    await query(
      url,
      `INSERT INTO articles (slug, title, dek, body, kind, status, free, published_at, ${CUT_COLUMNS})
       VALUES ($1, $2, 'A dek.', $3, 'daily', 'published', false, now() - make_interval(mins => $4), $5, $6, $7, $8, $9)`,
      [slug, `Fault Article ${index}`, body, index + 1, ...cutValues(storedCut(body))],
    );
  }
  const people: PrivateReader[] = [];
  for (let index = 0; index < readers; index++) {
    const email = `fault-reader-${index}-${randomBytes(4).toString("hex")}@hardening.example`;
    const [user] = await query<{ id: string }>(
      url,
      "INSERT INTO users (email, email_verified) VALUES ($1, now()) RETURNING id",
      [email],
    );
    const token = randomBytes(32).toString("hex");
    await query(
      url,
      "INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '29 days 12 hours')",
      [token, user!.id],
    );
    people.push({ id: user!.id, email, cookie: `authjs.session-token=${token}` });
  }
  return { slugs, readers: people };
}
