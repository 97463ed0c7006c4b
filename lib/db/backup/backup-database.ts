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
import { embeddedInUse, embeddedPaths } from "./embedded-data";
import { findPgTool, libpqUrl, run } from "./pg-tools";

export type BackupTarget = { databaseUrl?: string; dataDir: string };
export type BackupResult = { file: string; format: "custom" | "plain" };

export async function backupDatabase(target: BackupTarget, file: string): Promise<BackupResult> {
  if (target.databaseUrl) {
    await run(findPgTool("pg_dump"), [
      "--format=custom",
      "--no-owner",
      "--no-privileges",
      `--file=${file}`,
      `--dbname=${libpqUrl(target.databaseUrl)}`,
    ]);
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
