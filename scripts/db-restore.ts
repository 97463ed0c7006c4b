// CLI: `npm run db:restore -- FILE` loads a backup from `npm run db:backup`
// into an empty database: DATABASE_URL's, or the embedded one in
// FOLIO_DATA_DIR. Start Folio on it afterwards (`npm start`); migrations that
// are newer than the backup are applied then. See lib/db/backup/restore-database.ts.
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "../lib/config/env";
import { restoreDatabase } from "../lib/db/backup/restore-database";
import { laterProgress } from "./lib/progress";

const root = path.resolve(import.meta.dirname, "..");
const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Usage: npm run db:restore -- FILE");
  process.exit(2);
}
const file = path.resolve(positionals[0]!);
const settings = parseEnv(process.env);

const progress = laterProgress("Objects restored");
restoreDatabase(
  { databaseUrl: settings.DATABASE_URL, dataDir: path.resolve(root, settings.FOLIO_DATA_DIR) },
  file,
  progress,
)
  .then(() => {
    progress.finish();
    console.log(`[folio] restored ${file}`);
  })
  .catch((error: unknown) => {
    progress.finish();
    console.error(`[folio] restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
