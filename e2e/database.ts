// Direct access to the test run's database, for what a browser can neither
// see nor arrange: the stored form of a token, a link's expiry, a session
// made without a sign-in email. What the site shows is asserted through the
// site, never through here.
import pg from "pg";

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests through `npm run test:e2e`");
  return url;
}

/** Runs one statement on a connection of its own and returns its rows. */
export async function sql<Row extends object>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
