// The migration runner against a real database: it applies prisma/migrations
// once, records them as `prisma migrate deploy` would, lets only one of two
// concurrent runs do the work, and leaves nothing behind when a migration
// fails. Each test works in an empty schema of its own.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrate } from "../../lib/db/migrate";
import { testDatabaseUrl, scratchSchemaForFile } from "../fixtures/test-database";

const url = testDatabaseUrl();

// Read independently of lib/db/migrate.ts, so that a bug there cannot hide here.
const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const sha256 = (file: string) =>
  createHash("sha256").update(readFileSync(file, "utf8").replace(/\r\n/g, "\n")).digest("hex");

type Recorded = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

async function recorded(): Promise<Recorded[]> {
  const { rows } = await scratch.admin.query<Recorded>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
     FROM "${scratch.schema}"."_prisma_migrations" ORDER BY migration_name, started_at`,
  );
  return rows;
}

async function exists(relation: string): Promise<boolean> {
  const { rows } = await scratch.admin.query<{ found: string | null }>("SELECT to_regclass($1) AS found", [
    `"${scratch.schema}"."${relation}"`,
  ]);
  return rows[0]!.found !== null;
}

const scratch = scratchSchemaForFile({ migrated: false });

describe("migrate", () => {
  it("applies every migration to an empty schema and records each one like Prisma", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await migrate(url, { schema: scratch.schema })).toEqual(migrationNames);

    const rows = await recorded();
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      expect(row.checksum).toBe(sha256(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql")));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(await exists("articles")).toBe(true);
    expect(await exists("articles_status_published_at_idx")).toBe(true);
    const functions = await scratch.admin.query<{ proname: string }>(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY 1`,
      [scratch.schema],
    );
    // The regex cut (folio_preview, folio_gated) was dropped when the cut
    // became lib/articles/paywall-cut.ts, made once when an article is saved.
    // What is left lists the media keys of a stored part (lib/media).
    expect(functions.rows.map((row) => row.proname)).toEqual(["folio_media_keys"]);
  });

  it("applies nothing the second time", async () => {
    await migrate(url, { schema: scratch.schema });
    const before = await recorded();
    expect(await migrate(url, { schema: scratch.schema })).toEqual([]);
    expect(await recorded()).toEqual(before);
  });

  it("lets one of two concurrent runs apply the migrations, exactly once", async () => {
    const [first, second] = await Promise.all([
      migrate(url, { schema: scratch.schema }),
      migrate(url, { schema: scratch.schema }),
    ]);
    expect([...first, ...second].sort()).toEqual(migrationNames);
    const rows = await recorded();
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  describe("with a migration that fails", () => {
    let migrationsDir: string;

    beforeEach(() => {
      migrationsDir = mkdtempSync(path.join(tmpdir(), "folio-migrations-"));
      const write = (name: string, sql: string) => {
        mkdirSync(path.join(migrationsDir, name));
        writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
      };
      write("20260101000000_good", 'CREATE TABLE "good_table" ("id" INTEGER NOT NULL);\n');
      write(
        "20260102000000_broken",
        'CREATE TABLE "half_done" ("id" INTEGER NOT NULL);\n' +
          'CREATE INDEX "half_done_id_idx" ON "half_done"("id");\n' +
          'INSERT INTO "no_such_table" VALUES (1);\n',
      );
    });
    afterEach(() => {
      rmSync(migrationsDir, { recursive: true, force: true });
    });

    it("rolls it back completely and names it in the error", async () => {
      const failure = migrate(url, { schema: scratch.schema, migrationsDir });
      await expect(failure).rejects.toBeInstanceOf(MigrationError);
      await expect(failure).rejects.toThrow(/20260102000000_broken.*no_such_table/);

      expect(await exists("good_table")).toBe(true);
      expect(await exists("half_done")).toBe(false);
      expect(await exists("half_done_id_idx")).toBe(false);
      const rows = await recorded();
      expect(rows.map((row) => [row.migration_name, row.finished_at !== null])).toEqual([
        ["20260101000000_good", true],
      ]);
    });
  });
});
