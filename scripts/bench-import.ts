// `npm run bench:import [-- --posts 50000 --file export.json]`: generates a
// Ghost export of that many posts (scripts/lib/generate-ghost-export.ts,
// streamed to a temporary file) and imports it through the real path
// (importPosts: the checking pass, then batches of 250 in transactions),
// then imports it again (nothing to change). Prints the time, the rate and
// the process's memory sampled through the run, to show it stays flat.
// Not a test.
//
// Database: `folio_import_bench` on the PostgreSQL server in DATABASE_URL
// (dropped and created anew each run), or, with no DATABASE_URL, an
// embedded PostgreSQL in memory.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { openBenchDatabase } from "./lib/bench-database";
import { writeGhostExport } from "./lib/generate-ghost-export";

const log = (line: string) => console.log(`[bench:import] ${line}`);
const DATABASE = "folio_import_bench";
const MB = 1024 * 1024;

function options() {
  const { values } = parseArgs({
    options: { posts: { type: "string", default: "50000" }, file: { type: "string" } },
  });
  const posts = Number(values.posts);
  if (!Number.isSafeInteger(posts) || posts < 1) throw new Error("--posts must be a positive whole number");
  return { posts, file: values.file };
}

// With --expose-gc (npm run bench:import passes it), the heap is also
// measured after a full collection at each tenth of the import: what the
// import holds, rather than what the collector has not yet reclaimed.
const collect = (globalThis as { gc?: () => void }).gc;

/** The resident set and the heap, every half second, while `run` runs. */
async function sampled<T>(run: (onTenth: (done: number, total: number) => void) => Promise<T>) {
  const samples: { at: number; rss: number; heap: number }[] = [];
  const started = performance.now();
  const take = () => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ at: (performance.now() - started) / 1000, rss: rss / MB, heap: heapUsed / MB });
  };
  const afterGc: number[] = [];
  let tenths = 0;
  const onTenth = (done: number, total: number) => {
    if (!collect || total === 0 || done < ((tenths + 1) * total) / 10) return;
    tenths = Math.floor((done * 10) / total);
    collect();
    afterGc.push(process.memoryUsage().heapUsed / MB);
  };
  take();
  const timer = setInterval(take, 500);
  try {
    const result = await run(onTenth);
    take();
    return { result, seconds: (performance.now() - started) / 1000, samples, afterGc };
  } finally {
    clearInterval(timer);
  }
}

function memoryLine(samples: { at: number; rss: number; heap: number }[]): string {
  // Ten points across the run: a growing line would show memory held per post.
  const points = Array.from({ length: 10 }, (_, index) => samples[Math.floor((index * (samples.length - 1)) / 9)]!);
  const peak = Math.max(...samples.map((sample) => sample.rss));
  return `rss MB at each tenth: ${points.map((point) => point.rss.toFixed(0)).join(" ")} (peak ${peak.toFixed(0)}); heap MB: ${points.map((point) => point.heap.toFixed(0)).join(" ")}`;
}

const { posts, file: given } = options();
const database = await openBenchDatabase(DATABASE);
const folder = mkdtempSync(path.join(os.tmpdir(), "folio-import-bench-"));
try {
  log(`database: ${database.description}; ${os.cpus().length} CPUs`);
  // Before anything reads the settings: they are parsed once per process.
  process.env.DATABASE_URL = database.url;
  await migrateDatabase(database.url, { log: () => {} });
  const file = given ?? path.join(folder, "ghost-export.json");
  if (!given) {
    const started = performance.now();
    await writeGhostExport(file, posts);
    log(`generated ${posts.toLocaleString("en-US")} posts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  log(`file: ${(statSync(file).size / MB).toFixed(1)} MB`);
  const { COMMAND_LINE } = await import("../lib/auth/actor");
  const { importPosts } = await import("../lib/import/run-import");
  for (const label of ["first import", "second import (same file)"]) {
    const run = await sampled((onTenth) =>
      importPosts(file, {
        dryRun: false,
        drafts: "import",
        actor: COMMAND_LINE,
        onProgress: ({ phase, done, total }) => phase === "importing" && onTenth(done, total),
      }),
    );
    const { created, updated, unchanged, skipped } = run.result.posts;
    const handled = created + updated + unchanged + skipped;
    log(
      `${label}: ${run.seconds.toFixed(1)} s, ${(handled / run.seconds).toFixed(0)} posts/s; ` +
        `created ${created}, updated ${updated}, unchanged ${unchanged}, skipped ${skipped}, problems ${run.result.problems.length}`,
    );
    log(`  ${memoryLine(run.samples)}`);
    if (run.afterGc.length > 0)
      log(`  heap MB after a full GC at each tenth: ${run.afterGc.map((heap) => heap.toFixed(0)).join(" ")}`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
  await database.close();
}
process.exit(0);
