// Decides which PostgreSQL Folio runs on: the server named by DATABASE_URL,
// or the embedded one in the data folder when none is named. Used by the
// launcher, the seed script and the test runner, never by the web app, which
// always receives a DATABASE_URL.
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded/embedded-postgres";

export type DatabaseKind = "embedded" | "postgres";

export type OpenDatabase = {
  url: string;
  kind: DatabaseKind;
  /** Where the embedded database keeps its files. */
  dataDir?: string;
  close(): Promise<void>;
};

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, kind: "postgres", close: async () => {} };
  }
  const embedded = await startEmbeddedPostgres(
    options.dataDir === "memory://" ? options.dataDir : path.join(options.dataDir, "postgres"),
  );
  return { url: embedded.url, kind: "embedded", dataDir: embedded.dataDir, close: () => embedded.stop() };
}
