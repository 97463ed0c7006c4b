// The backfill: cuts every article whose stored cut is missing (rows that
// existed before the cut was stored), or was made with another
// PREVIEW_PARAGRAPHS setting or an older rule (CUT_VERSION). It runs right
// after the SQL migrations (migrateDatabase), before any server reads.
//
// In batches, each in a transaction of its own that locks its rows: a save
// from the newsroom meanwhile waits for the batch (milliseconds) instead of
// being overwritten by a cut of the body it replaced. Measured on the
// PostgreSQL server of a 2-core machine: see docs/paywall.md.
import pg from "pg";
import { env } from "@/lib/config/env";
import { CUT_VERSION } from "./paywall-cut";
import { storedCut } from "./stored-cut";

export type RecutOptions = {
  /** The setting to cut with; PREVIEW_PARAGRAPHS when not given. */
  previewParagraphs?: number;
  /** Articles per transaction. */
  batchSize?: number;
  /** Work in this schema instead of the connection's default (tests). */
  schema?: string;
  log?: (line: string) => void;
};

export type RecutOutcome = { articles: number; milliseconds: number };

const DEFAULT_BATCH = 500;
const NO_ID = "00000000-0000-0000-0000-000000000000";

// Keyset over the primary key: each batch starts after the last id seen, so
// the loop ends even though every row it reads also matched before. The
// batch's ids are chosen first and only their bodies read: ordering rows
// that carry their bodies made PostgreSQL decompress every pending body for
// every batch (10,000 articles took three times as long).
const SELECT_BATCH = `
  WITH batch AS (
    SELECT id FROM articles
    WHERE (preview_paragraphs <> $1 OR cut_version <> $2) AND id > $3::uuid
    ORDER BY id LIMIT $4
  )
  SELECT a.id::text AS id, a.body FROM articles a JOIN batch USING (id)
  ORDER BY a.id
  FOR UPDATE OF a`;

const UPDATE_BATCH = `
  UPDATE articles a
  SET preview_markdown = c.preview, gated_markdown = c.gated, cut_body_md5 = c.md5,
      preview_paragraphs = $1, cut_version = $2
  FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS c(id, preview, gated, md5)
  WHERE a.id = c.id`;

export async function recutArticles(databaseUrl: string, options: RecutOptions = {}): Promise<RecutOutcome> {
  const paragraphs = options.previewParagraphs ?? env().PREVIEW_PARAGRAPHS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let articles = 0;
  try {
    if (options.schema && !/^[a-z_][a-z0-9_]*$/i.test(options.schema)) {
      throw new Error(`invalid schema name: ${options.schema}`);
    }
    let after = NO_ID;
    for (;;) {
      await client.query("BEGIN");
      try {
        // LOCAL: the embedded database serves every connection from one
        // session, so a session-wide search_path would move everyone's
        // queries into this (soon dropped) schema.
        if (options.schema) await client.query(`SET LOCAL search_path TO "${options.schema}"`);
        const { rows } = await client.query<{ id: string; body: string }>(SELECT_BATCH, [
          paragraphs,
          CUT_VERSION,
          after,
          batchSize,
        ]);
        if (rows.length > 0) {
          const cuts = rows.map((row) => storedCut(row.body, paragraphs));
          await client.query(UPDATE_BATCH, [
            paragraphs,
            CUT_VERSION,
            rows.map((row) => row.id),
            cuts.map((cut) => cut.previewMarkdown),
            cuts.map((cut) => cut.gatedMarkdown),
            cuts.map((cut) => cut.cutBodyMd5),
          ]);
        }
        await client.query("COMMIT");
        articles += rows.length;
        if (rows.length < batchSize) break;
        after = rows[rows.length - 1]!.id;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    }
  } finally {
    await client.end();
  }
  const milliseconds = Math.round(performance.now() - started);
  if (articles > 0) {
    options.log?.(
      `cut ${articles} article${articles === 1 ? "" : "s"} into preview and gated part (${milliseconds} ms)`,
    );
  }
  return { articles, milliseconds };
}
