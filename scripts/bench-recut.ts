// CLI: `npx tsx scripts/bench-recut.ts [--articles 10000]` measures the
// paywall cut's backfill (docs/paywall.md). On a database of its own on the
// PostgreSQL server in DATABASE_URL (created, then dropped), it loads
// generated articles as they were stored before the cut was (the migrations
// before 20261206000000_stored_paywall_cut), then times:
//   1. migrateDatabase: the migration that adds the columns, and the cut of every article;
//   2. a cut of every article again after PREVIEW_PARAGRAPHS changed;
//   3. a start-up with nothing to cut.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { cutArticle } from "../lib/articles/paywall-cut";
import { recutArticles } from "../lib/articles/recut-articles";
import { MIGRATIONS_DIR, migrate } from "../lib/db/migrate";
import { generateArticles, type GeneratedArticle } from "./content/generate-articles";

const CUT_MIGRATION = "20261206000000_stored_paywall_cut";
const DATABASE = "folio_recut_bench";

const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" } } });
const count = Number(values.articles);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl || !Number.isInteger(count) || count < 1) {
  console.error("Usage: DATABASE_URL=postgresql://... npx tsx scripts/bench-recut.ts [--articles 10000]");
  process.exit(2);
}

// Wall time, and the CPU time this process spent (the parse runs here): on a
// shared machine the wall time mostly measures the other processes.
let cpuAtStart = process.cpuUsage();
const seconds = (started: number) => {
  const cpu = process.cpuUsage(cpuAtStart);
  cpuAtStart = process.cpuUsage();
  return `${((performance.now() - started) / 1000).toFixed(2)} s (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of CPU here)`;
};
const start = () => {
  cpuAtStart = process.cpuUsage();
  return performance.now();
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function loadOldArticles(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const bodies: string[] = [];
  try {
    let batch: GeneratedArticle[] = [];
    const flush = async () => {
      await client.query(
        `INSERT INTO articles (slug, title, dek, body, kind, status, free, published_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::"ArticleKind"[],
                              $6::"ArticleStatus"[], $7::boolean[], $8::timestamptz[])`,
        [
          batch.map((article) => article.slug),
          batch.map((article) => article.title),
          batch.map((article) => article.dek),
          batch.map((article) => article.body),
          batch.map((article) => article.kind),
          batch.map((article) => article.status),
          batch.map((article) => article.free),
          batch.map((article) => article.publishedAt?.toISOString() ?? null),
        ],
      );
      batch = [];
    };
    for (const article of generateArticles({ count, seed: 1 })) {
      batch.push(article);
      bodies.push(article.body);
      if (batch.length === 1000) await flush();
    }
    if (batch.length > 0) await flush();
  } finally {
    await client.end();
  }
  return bodies;
}

const url = new URL(serverUrl);
url.pathname = `/${DATABASE}`;
const before = mkdtempSync(path.join(tmpdir(), "folio-before-cut-"));
for (const name of readdirSync(MIGRATIONS_DIR)) {
  if (name < CUT_MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
}
await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
await admin(`CREATE DATABASE ${DATABASE}`);
try {
  await migrate(url.toString(), { migrationsDir: before });
  let started = start();
  const bodies = await loadOldArticles(url.toString());
  const kilobytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0) / 1024;
  console.log(
    `loaded ${count} articles as stored before the cut (${(kilobytes / 1024).toFixed(1)} MB of Markdown) in ${seconds(started)}`,
  );

  started = start();
  for (const body of bodies) cutArticle(body, 3);
  console.log(`the cut alone, in this process (parse and slice): ${seconds(started)} for ${count}`);

  started = start();
  await migrateDatabase(url.toString(), { previewParagraphs: 3, log: (line) => console.log(`  ${line}`) });
  console.log(`migrateDatabase (the migration, then the cut of every article): ${seconds(started)}`);

  started = start();
  const again = await recutArticles(url.toString(), { previewParagraphs: 4 });
  console.log(`PREVIEW_PARAGRAPHS changed from 3 to 4: ${again.articles} articles cut again in ${seconds(started)}`);

  started = start();
  const idle = await recutArticles(url.toString(), { previewParagraphs: 4 });
  console.log(`a start-up with nothing to cut: ${idle.articles} articles, ${seconds(started)}`);
} finally {
  rmSync(before, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS ${DATABASE}`);
}
