// `npm run db:restore -- FILE`: loads a backup made by `npm run db:backup`
// into an empty database: a custom-format archive into the PostgreSQL server
// of DATABASE_URL (pg_restore, in one transaction), a plain SQL dump of the
// embedded database into the embedded database of FOLIO_DATA_DIR. A database
// that already holds tables is refused: restoring over data would mix two
// histories.
import { existsSync, openSync, readFileSync, readSync, closeSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { embeddedInUse, embeddedPaths } from "./embedded-data";
import { findPgTool, libpqUrl, run, runForOutput } from "./pg-tools";
import type { BackupTarget, StepProgress } from "./backup-database";

const TABLES = `SELECT count(*)::int AS tables FROM information_schema.tables
  WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`;

function formatOf(file: string): "custom" | "plain" {
  const handle = openSync(file, "r");
  const head = Buffer.alloc(5);
  readSync(handle, head, 0, 5, 0);
  closeSync(handle);
  return head.toString("latin1") === "PGDMP" ? "custom" : "plain";
}

/** The entries of an archive's table of contents: what pg_restore will create or load, one by one. */
async function archiveEntries(file: string): Promise<number> {
  const list = await runForOutput(findPgTool("pg_restore"), ["--list", file]);
  return list.split("\n").filter((line) => line.trim() !== "" && !line.startsWith(";")).length;
}

export async function restoreDatabase(target: BackupTarget, file: string, progress?: StepProgress): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  const format = formatOf(file);
  if (target.databaseUrl) {
    if (format !== "custom") {
      throw new Error(
        `${file} is a plain SQL dump of the embedded database; restore it with no DATABASE_URL set (into the embedded database)`,
      );
    }
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ tables: number }>(TABLES);
      if (rows[0]!.tables > 0) throw new Error("the target database is not empty: restore into a new, empty database");
    } finally {
      await client.end();
    }
    progress?.start(await archiveEntries(file));
    await run(
      findPgTool("pg_restore"),
      [
        "--no-owner",
        "--no-privileges",
        "--exit-on-error",
        "--single-transaction",
        ...(progress ? ["--verbose"] : []),
        `--dbname=${libpqUrl(target.databaseUrl)}`,
        file,
      ],
      // pg_restore --verbose says "creating ..." or "processing data for ..." per entry.
      {
        onLine: (line) =>
          /^pg_restore: (creating|processing data for) /.test(line) ? progress?.advance(1) : undefined,
      },
    );
    return;
  }
  if (format !== "plain") {
    throw new Error(
      `${file} is a pg_dump archive of a PostgreSQL server; set DATABASE_URL to an empty database on a server to restore it`,
    );
  }
  if (embeddedInUse(target.dataDir))
    throw new Error("the embedded database is in use by a running Folio (npm start): stop it first");
  const db = await PGlite.create(embeddedPaths(target.dataDir).pgdata);
  try {
    const { rows } = await db.query<{ tables: number }>(TABLES);
    if (rows[0]!.tables > 0)
      throw new Error(`the embedded database in ${target.dataDir} is not empty: restore into a new data folder`);
    await db.exec(`BEGIN;\n${readFileSync(file, "utf8")}\nCOMMIT;`);
  } finally {
    await db.close();
  }
}
