// A benchmark's own database on the PostgreSQL server in DATABASE_URL: made
// anew each run (dropped first) unless `reuse`, never the database the URL
// names. Returns its URL.
import pg from "pg";

export async function ownDatabase(name: string, reuse: boolean): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("--database must be a plain PostgreSQL name");
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      "set DATABASE_URL to a PostgreSQL server (e.g. postgresql://postgres@127.0.0.1:5432/postgres); the benchmark makes a database of its own there",
    );
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if (!reuse) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
