// A fingerprint of every table in the public schema (row count and a
// checksum of the rows), to show that a barrage of requests changed nothing.
// pg-boss keeps its own schema and is left out: its scheduler writes on its own.
// Left out of the insights' counts (lib/insights/): page views and panels
// shown, as every article page fetched is counted, hostile or not, and
// checkouts started, as anyone may open one (the subscribe form's action,
// which the fuzzers call) and each is counted. The funnel's other events
// (registrations, gifts, unlocks, subscriptions) stay in.
import { expect } from "@playwright/test";
import { sql } from "../database";

const ROWS_COMPARED: Record<string, string> = {
  insight_counts: "WHERE metric NOT LIKE 'view.%' AND metric NOT IN ('panel', 'checkout')",
};

export type Snapshot = Record<string, { rows: number; checksum: string | null }>;

export async function snapshotDatabase(): Promise<Snapshot> {
  const tables = await sql<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const snapshot: Snapshot = {};
  for (const { table_name: table } of tables) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const [row] = await sql<{ rows: string; checksum: string | null }>(
      `SELECT count(*)::text AS rows, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS checksum FROM ${quoted} t ${ROWS_COMPARED[table] ?? ""}`,
    );
    snapshot[table] = { rows: Number(row!.rows), checksum: row!.checksum };
  }
  return snapshot;
}

export async function expectDatabaseUnchanged(before: Snapshot): Promise<void> {
  const after = await snapshotDatabase();
  const changed = Object.keys({ ...before, ...after }).filter(
    (table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
  );
  expect(
    changed,
    `tables changed: ${changed.map((t) => `${t} ${JSON.stringify(before[t])} -> ${JSON.stringify(after[t])}`).join("; ")}`,
  ).toEqual([]);
}
