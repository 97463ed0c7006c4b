// `npm run db:backup`: a consistent dump of Folio's database.
// - PostgreSQL server (DATABASE_URL): `pg_dump --format=custom`, one
//   snapshot of the whole database however busy it is (pg_dump reads in a
//   single repeatable-read transaction). pg_dump must be at least the
//   server's major version.
// - Embedded (PGlite, PostgreSQL 18 in WebAssembly): PGlite's own pg_dump
//   build (@electric-sql/pglite-tools) writes a plain SQL dump. There is no
//   pg_restore for PGlite and Debian's pg_restore 15 cannot read a version-18
//   archive, so the custom format would be a file nobody here can restore.
//   The embedded database is opened exclusively: stop `npm start` first.
import { writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pgDump } from "@electric-sql/pglite-tools/pg_dump";
import pg from "pg";
import { embeddedInUse, embeddedPaths } from "./embedded-data";
import { findPgTool, libpqUrl, run } from "./pg-tools";

export type BackupTarget = { databaseUrl?: string; dataDir: string };
export type BackupResult = { file: string; format: "custom" | "plain" };
/**
 * How far a backup or restore of a server database is, in steps (tables
 * dumped; objects restored), for a progress bar. The embedded database is
 * dumped and loaded in one call each, which reports nothing on the way.
 */
export type StepProgress = { start(total: number): void; advance(count: number): void };

const USER_TABLES = `SELECT count(*)::int AS tables FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg_toast%'`;

async function countTables(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number }>(USER_TABLES);
    return rows[0]!.tables;
  } finally {
    await client.end();
  }
}

export async function backupDatabase(
  target: BackupTarget,
  file: string,
  progress?: StepProgress,
): Promise<BackupResult> {
  if (target.databaseUrl) {
    progress?.start(await countTables(target.databaseUrl));
    await run(
      findPgTool("pg_dump"),
      [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        ...(progress ? ["--verbose"] : []),
        `--file=${file}`,
        `--dbname=${libpqUrl(target.databaseUrl)}`,
      ],
      // pg_dump --verbose says "dumping contents of table ..." once per table.
      { onLine: (line) => (/dumping contents of table /.test(line) ? progress?.advance(1) : undefined) },
    );
    return { file, format: "custom" };
  }
  if (embeddedInUse(target.dataDir)) {
    throw new Error("the embedded database is in use by a running Folio (npm start): stop it first, then back up");
  }
  const pg = await PGlite.create(embeddedPaths(target.dataDir).pgdata);
  try {
    const dump = await pgDump({ pg, args: ["--no-owner", "--no-privileges"] });
    writeFileSync(file, await dump.text());
    return { file, format: "plain" };
  } finally {
    await pg.close();
  }
}
