// A database of a benchmark's own: `name` on the PostgreSQL server in
// DATABASE_URL, dropped and created anew each run, or, with no DATABASE_URL,
// an embedded PostgreSQL in memory.
import pg from "pg";
import { openDatabase } from "../../lib/db/open-database";

export type BenchDatabase = { url: string; description: string; close(): Promise<void> };

export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await openDatabase({ dataDir: "memory://" });
    return { url: embedded.url, description: "embedded PostgreSQL (PGlite), in memory", close: () => embedded.close() };
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), description: `PostgreSQL at ${url.host}/${name}`, close: async () => {} };
}
