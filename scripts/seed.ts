// CLI: `npm run seed [-- --articles 50000] [--seed 7]` fills the database with
// generated articles, authors and tags. Re-running it is safe: existing
// catalogue rows and articles with the same slug are left alone.
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseEnv } from "../lib/config/env";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openDatabase } from "../lib/db/open-database";
import { seedDatabase, type SeedCounts } from "./content/seed-database";
import { seedLeadImages } from "./content/seed-lead-images";
import { startProgress } from "./lib/progress";

const USAGE = `Usage: npm run seed -- [--articles <count>] [--seed <number>]

  --articles  how many articles to generate (default 300)
  --seed      seed for the content generator (default 1); the same seed
              always produces the same articles
`;

type Connection = { client: pg.Client; close: () => Promise<void> };

// The seed goes where `npm start` would serve from: DATABASE_URL, or the
// embedded database in the data folder (through the running server's socket
// when one is up). Migrations are applied first, so a fresh folder works.
async function connect(): Promise<Connection> {
  const settings = parseEnv(process.env);
  const database = await openDatabase({
    databaseUrl: settings.DATABASE_URL,
    dataDir: path.resolve(import.meta.dirname, "..", settings.FOLIO_DATA_DIR),
  });
  await migrateDatabase(database.url, { previewParagraphs: settings.PREVIEW_PARAGRAPHS });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    client,
    close: async () => {
      await client.end();
      await database.close();
    },
  };
}

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseCount(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min)
    fail(`--${name} must be ${min === 1 ? "a positive" : "a non-negative"} integer, got "${raw}"`);
  return value;
}

function parseOptions(): { articles: number; seed: number } {
  let values: { articles?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { articles: { type: "string" }, seed: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const articles = parseCount("articles", values.articles, 300, 1);
  // The generator's PRNG takes a 32-bit seed; larger values would silently wrap.
  const seed = parseCount("seed", values.seed, 1, 0);
  if (seed > 0xffffffff) fail(`--seed must be at most ${0xffffffff}, got "${values.seed}"`);
  return { articles, seed };
}

function report(counts: SeedCounts, seconds: number): string {
  const n = (value: number) => value.toLocaleString("en-US");
  return [
    `Articles: ${n(counts.articles)} inserted, ${n(counts.articlesSkipped)} skipped (slug already present).`,
    `Links: ${n(counts.articleAuthors)} article authors, ${n(counts.articleTags)} article tags.`,
    `Catalogue: ${n(counts.authors)} authors, ${n(counts.topics)} topics, ${n(counts.regions)} regions inserted (existing rows kept).`,
    `Done in ${seconds.toFixed(1)} s.`,
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions();
  const connection = await connect();
  const started = performance.now();
  try {
    process.stdout.write(`Seeding ${options.articles.toLocaleString("en-US")} articles (seed ${options.seed})...\n`);
    const progress = startProgress("Articles", options.articles);
    const counts = await seedDatabase(connection.client, { ...options, onProgress: progress.advance });
    progress.finish();
    const withImages = await seedLeadImages(connection.client, options.seed ?? 1);
    process.stdout.write(`Lead images: ${withImages.toLocaleString("en-US")} articles given one.\n`);
    process.stdout.write(`${report(counts, (performance.now() - started) / 1000)}\n`);
  } finally {
    await connection.close();
  }
}

// Connection failures to a host with several addresses arrive as an
// AggregateError whose own message is empty.
function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describe).join("; ");
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed: ${describe(error)}\n`);
  process.exit(1);
});
