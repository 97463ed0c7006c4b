// Applies the SQL migrations in prisma/migrations the way `prisma migrate
// deploy` does, without Prisma's schema engine (which cannot be downloaded on
// every machine): in name order, each in its own transaction, recorded in
// `_prisma_migrations` with Prisma's checksum so that Prisma sees them as
// applied. Prisma's own advisory lock key is taken, so two starting servers,
// or this runner and `prisma migrate deploy`, never migrate at the same time.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const PRISMA_MIGRATE_LOCK_KEY = 72707369;
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

export type Migration = { name: string; sql: string; checksum: string };

export type MigrateOptions = {
  /** Apply into this schema instead of the connection's default (tests). */
  schema?: string;
  migrationsDir?: string;
  log?: (line: string) => void;
};

export class MigrationError extends Error {}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma checksums the script with line endings normalised to LF.
      const checksum = createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
      return { name, sql, checksum };
    });
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new MigrationError(`invalid schema name: ${name}`);
  return `"${name}"`;
}

/** Applies pending migrations; returns the names of those it applied. */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = readMigrations(options.migrationsDir);
  const schema = options.schema ? quoteIdent(options.schema) : undefined;
  const table = schema ? `${schema}."_prisma_migrations"` : `"_prisma_migrations"`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM ${table} WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `migration ${failed.migration_name} failed earlier and was not rolled back; resolve it before starting`,
      );
    }
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const known = new Set(migrations.map((migration) => migration.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new MigrationError(`the database has migrations this code does not know: ${unknown.join(", ")}`);
    }

    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          options.log?.(`warning: migration ${migration.name} was edited after it was applied`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        // On the embedded database every connection shares one session, so the
        // advisory lock excludes nobody; transactions are serialised there
        // instead, and this re-check inside ours skips what another applied.
        const recorded = await client.query(
          `SELECT 1 FROM ${table} WHERE migration_name = $1 AND rolled_back_at IS NULL`,
          [migration.name],
        );
        if (recorded.rowCount) {
          await client.query("ROLLBACK");
          continue;
        }
        if (schema) await client.query(`SET LOCAL search_path TO ${schema}`);
        const id = randomUUID();
        await client.query(`INSERT INTO ${table} (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.sql);
        await client.query(`UPDATE ${table} SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`migration ${migration.name} failed: ${reason}`);
      }
      options.log?.(`applied migration ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
