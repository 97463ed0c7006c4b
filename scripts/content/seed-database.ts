import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Client, PoolClient } from "pg";
import { generateArticles, type GeneratedArticle } from "./generate-articles";
import { generateCatalog } from "./generate-catalog";
import { insertArticleBatch, type BatchCounts } from "./insert-article-batch";
import { insertCatalog } from "./insert-catalog";
import { seedLeadImages } from "./seed-lead-images";

export type SeedOptions = {
  articles: number;
  seed?: number;
  now?: Date;
  /** How many of the articles are drafts; see generateArticles. */
  drafts?: number;
  /** How many of the articles are scheduled in the future; see generateArticles. */
  scheduled?: number;
  /** Told how many more articles were written, after each batch (the CLI's progress bar). */
  onProgress?: (articles: number) => void;
};

/** Rows inserted by this call; rows that already existed are not counted. */
export type SeedCounts = {
  authors: number;
  topics: number;
  regions: number;
  articles: number;
  /** Generated articles whose slug was already taken, left untouched. */
  articlesSkipped: number;
  articleAuthors: number;
  articleTags: number;
};

// Large enough that per-statement overhead vanishes, small enough that one
// statement's parameters (about 4 MB of Markdown) stay modest.
const BATCH_SIZE = 1000;
// How many articles to generate between chances for the socket to send.
const YIELD_EVERY = 100;

/**
 * Inserts the catalogue and `articles` generated articles with their author
 * and tag links. Does not open a transaction: the caller decides whether the
 * seed is atomic (seedDemoContent) or streamed in autocommit (the CLI).
 */
export async function seedDatabase(client: Client | PoolClient, options: SeedOptions): Promise<SeedCounts> {
  const { ids, inserted } = await insertCatalog(client, generateCatalog());
  const counts: SeedCounts = { ...inserted, articles: 0, articlesSkipped: 0, articleAuthors: 0, articleTags: 0 };
  const add = (batchSize: number, batch: BatchCounts) => {
    options.onProgress?.(batchSize);
    counts.articles += batch.articles;
    counts.articlesSkipped += batchSize - batch.articles;
    counts.articleAuthors += batch.articleAuthors;
    counts.articleTags += batch.articleTags;
  };

  // PostgreSQL writes one batch while Node generates the next; only one
  // statement is ever in flight, as a single connection requires.
  let inFlight: { size: number; result: Promise<BatchCounts> } | undefined;
  let batch: GeneratedArticle[] = [];
  const { articles: count, seed, now, drafts, scheduled } = options;
  const generated = generateArticles({ count, seed, now, drafts, scheduled });
  try {
    for (const article of generated) {
      batch.push(article);
      if (batch.length % YIELD_EVERY === 0) await yieldToEventLoop();
      if (batch.length < BATCH_SIZE) continue;
      if (inFlight) add(inFlight.size, await inFlight.result);
      inFlight = { size: batch.length, result: insertArticleBatch(client, batch, ids) };
      // A failure is rethrown by the await above on the next round; until
      // then, mark it handled so Node does not abort on an unhandled rejection.
      inFlight.result.catch(() => undefined);
      batch = [];
    }
    if (inFlight) add(inFlight.size, await inFlight.result);
    inFlight = undefined;
    if (batch.length > 0) add(batch.length, await insertArticleBatch(client, batch, ids));
  } finally {
    // If generation threw, let the statement finish before the caller rolls back.
    await inFlight?.result.catch(() => undefined);
  }
  return counts;
}

const DEMO_SEEDED_KEY = "demo_seeded_at";
const DEMO_ARTICLES = 300;
const DEMO_SEED = 2026;
// Arbitrary but fixed: every server process must contend for the same lock.
const DEMO_SEED_LOCK = 7_340_815_226;

/**
 * Seeds the demo corpus once per database. Runs in one transaction under an
 * advisory lock, so two servers starting together cannot both seed: the
 * second waits, then sees the first one's marker row. Returns whether this
 * call seeded.
 */
export async function seedDemoContent(client: Client | PoolClient, options: { now?: Date } = {}): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [DEMO_SEED_LOCK]);
    // A separate statement after the lock, so its snapshot includes a
    // marker committed by whoever held the lock before us.
    const marker = await client.query("SELECT 1 FROM folio_meta WHERE key = $1", [DEMO_SEEDED_KEY]);
    if (marker.rowCount) {
      await client.query("COMMIT");
      return false;
    }
    const now = options.now ?? new Date();
    await seedDatabase(client, { articles: DEMO_ARTICLES, seed: DEMO_SEED, now, drafts: 5, scheduled: 2 });
    await seedLeadImages(client, DEMO_SEED);
    await client.query("INSERT INTO folio_meta (key, value) VALUES ($1, $2)", [DEMO_SEEDED_KEY, now.toISOString()]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
