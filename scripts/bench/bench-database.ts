// The benchmark's own database: `folio_search_bench` on the PostgreSQL server
// in DATABASE_URL (created when missing, never the database the URL names),
// or, with no DATABASE_URL, an embedded PostgreSQL in memory. It is migrated,
// filled with generated articles up to the count asked for (a second run
// reuses them), and analysed, so the planner has statistics.
import pg from "pg";
import { migrateDatabase } from "../../lib/articles/migrate-database";
import { openDatabase } from "../../lib/db/open-database";
import { seedDatabase } from "../content/seed-database";

export const BENCH_DATABASE = "folio_search_bench";

export type BenchDatabase = { url: string; description: string; close(): Promise<void> };

async function serverDatabase(serverUrl: string, fresh: boolean): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DATABASE]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return { url: url.toString(), description: `PostgreSQL at ${url.host}/${BENCH_DATABASE}`, close: async () => {} };
}

export async function openBenchDatabase(options: { serverUrl?: string; fresh: boolean }): Promise<BenchDatabase> {
  if (options.serverUrl) return serverDatabase(options.serverUrl, options.fresh);
  const embedded = await openDatabase({ dataDir: "memory://" });
  return { url: embedded.url, description: "embedded PostgreSQL (PGlite), in memory", close: () => embedded.close() };
}

/** Migrates, and tops the articles up to `articles` (generated with seed 1). */
export async function fillBenchDatabase(url: string, articles: number, log: (line: string) => void): Promise<void> {
  await migrateDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM articles");
    const have = rows[0]!.count;
    if (have < articles) {
      log(
        `loading ${(articles - have).toLocaleString("en-US")} generated articles (${have.toLocaleString("en-US")} there already)...`,
      );
      const started = performance.now();
      const counts = await seedDatabase(client, { articles, seed: 1 });
      log(
        `loaded ${counts.articles.toLocaleString("en-US")} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } else {
      log(`reusing the ${have.toLocaleString("en-US")} articles already there (--fresh reloads them)`);
    }
    await client.query("VACUUM ANALYZE articles, article_tags, article_authors, tags, authors");
  } finally {
    await client.end();
  }
}
