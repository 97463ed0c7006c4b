// What `npm start` does with the embedded database, twice over the same data
// folder: the first start migrates and seeds, the second finds everything
// where it was and seeds nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/articles/migrate-database";
import { openDatabase } from "@/lib/db/open-database";
import { seedDemoContent } from "@/scripts/content/seed-database";

const dataDir = mkdtempSync(path.join(tmpdir(), "folio-restart-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startOnce(): Promise<{ applied: string[]; seeded: boolean; articles: number; kind: string }> {
  const database = await openDatabase({ dataDir });
  try {
    const applied = await migrateDatabase(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const seeded = await seedDemoContent(client);
      const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
      return { applied, seeded, articles: rows[0]!.n, kind: database.kind };
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

describe("the embedded database across restarts", () => {
  it("migrates and seeds on the first start, keeps everything on the second", async () => {
    const first = await startOnce();
    expect(first.kind).toBe("embedded");
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.seeded).toBe(true);
    expect(first.articles).toBeGreaterThanOrEqual(200);

    const second = await startOnce();
    expect(second).toEqual({ applied: [], seeded: false, articles: first.articles, kind: "embedded" });
  }, 120_000);

  it("lets a second process share a running embedded database instead of opening it twice", async () => {
    const owner = await openDatabase({ dataDir });
    try {
      const guest = await openDatabase({ dataDir });
      expect(guest.url).toBe(owner.url);
      const client = new pg.Client({ connectionString: guest.url });
      await client.connect();
      const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
      expect(rows[0]!.one).toBe(1);
      await client.end();
      await guest.close();
    } finally {
      await owner.close();
    }
  }, 120_000);
});
