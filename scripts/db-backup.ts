// CLI: `npm run db:backup [-- --out FILE]` writes a consistent dump of the
// database `npm start` uses (DATABASE_URL, or the embedded one in
// FOLIO_DATA_DIR) to FILE, by default backups/folio-<time>.dump (.sql for
// the embedded database). See lib/db/backup/backup-database.ts.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/config/env";
import { backupDatabase } from "../lib/db/backup/backup-database";
import { laterProgress } from "./lib/progress";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { out: { type: "string" } } });
const settings = parseEnv(process.env);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = path.resolve(
  values.out ?? path.join(root, "backups", `folio-${stamp}.${settings.DATABASE_URL ? "dump" : "sql"}`),
);
mkdirSync(path.dirname(file), { recursive: true });

const progress = laterProgress("Tables dumped");
backupDatabase(
  { databaseUrl: settings.DATABASE_URL, dataDir: path.resolve(root, settings.FOLIO_DATA_DIR) },
  file,
  progress,
)
  .then(({ format }) => {
    progress.finish();
    console.log(
      `[folio] backup written: ${file} (${format === "custom" ? "pg_dump custom format" : "plain SQL, embedded database"})`,
    );
  })
  .catch((error: unknown) => {
    progress.finish();
    console.error(`[folio] backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
