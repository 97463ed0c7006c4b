// `npm run bench:lighthouse [-- --runs 3 --port 3600 --database folio_lighthouse --reuse --reports DIR]`:
// what a phone gets. Makes a database of its own on the PostgreSQL server in
// DATABASE_URL with the demo content `npm start` seeds (300 articles, lead
// images), builds the app if its sources changed, starts the production
// server, and runs Lighthouse's mobile preset (a mid-range phone on a slow
// 4G connection, simulated) in Debian's Chromium several times on the front
// page and on a gated article as an anonymous reader sees it. Prints the
// median performance score, LCP, TBT and CLS of each page, and the
// JavaScript it ships (compressed, as the browser receives it).
// Not a test: the numbers swing with the machine's load; docs/performance.md has them.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDatabase } from "../lib/articles/migrate-database";
import { startApp } from "./bench/app-process";
import { clientScriptBytes, kilobytes } from "./bench/client-script-bytes";
import { table } from "./bench/latency";
import { ownDatabase } from "./bench/own-database";
import { seedDemoContent } from "./content/seed-database";
import { ensureBuild } from "./lib/ensure-build";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[bench:lighthouse] ${line}`);
const lighthouseBin = path.join(root, "node_modules", ".bin", "lighthouse");

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      port: { type: "string", default: "3600" },
      database: { type: "string", default: "folio_lighthouse" },
      reuse: { type: "boolean", default: false },
      // Keep the JSON reports here (open one with https://googlechrome.github.io/lighthouse/viewer/).
      reports: { type: "string" },
    },
  });
  const runs = Number(values.runs);
  const port = Number(values.port);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error("--runs must be a positive whole number");
  if (!Number.isSafeInteger(port) || port < 1) throw new Error("--port must be a positive whole number");
  return { runs, port, database: values.database!, reuse: values.reuse ?? false, reports: values.reports };
}

function chromePath(): string {
  const found = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (candidate) => candidate && existsSync(candidate),
  );
  if (!found) throw new Error("Chromium not found: set CHROME_PATH (Debian: apt-get install -y chromium)");
  return found;
}

/** The demo content of `npm start`, with its lead images in a data folder the server is given too. */
async function seed(databaseUrl: string, dataDir: string): Promise<void> {
  // The media library writes under FOLIO_DATA_DIR (lib/media); set before anything reads the settings.
  process.env.FOLIO_DATA_DIR = dataDir;
  delete process.env.S3_BUCKET;
  await migrateDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if (await seedDemoContent(client)) log("seeded the demo content");
  } finally {
    await client.end();
  }
}

/** The newest published article that is not free: its page shows the preview and the paywall panel. */
async function gatedArticlePath(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      `SELECT slug FROM articles WHERE status = 'published' AND published_at <= now() AND NOT free
       ORDER BY published_at DESC LIMIT 1`,
    );
    if (!rows[0]) throw new Error("no gated article in the database");
    return `/articles/${rows[0].slug}`;
  } finally {
    await client.end();
  }
}

type Run = { performance: number; lcpMs: number; tbtMs: number; cls: number; fcpMs: number; scriptBytes: number };

type LighthouseReport = {
  categories: { performance: { score: number | null } };
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }
  >;
  runtimeError?: { message: string };
};

async function lighthouse(url: string, reportFile: string, chrome: string): Promise<Run> {
  const args = [
    url,
    "--only-categories=performance",
    "--output=json",
    `--output-path=${reportFile}`,
    "--quiet",
    "--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync",
  ];
  const child = spawn(lighthouseBin, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, CHROME_PATH: chrome },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`lighthouse exited with ${code} on ${url}`);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as LighthouseReport;
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const scripts = report.audits["resource-summary"]?.details?.items?.find((item) => item.resourceType === "script");
  return {
    performance: Math.round((report.categories.performance.score ?? Number.NaN) * 100),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    fcpMs: audit("first-contentful-paint"),
    scriptBytes: scripts?.transferSize ?? 0,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function main(): Promise<void> {
  const settings = options();
  const chrome = chromePath();
  const databaseUrl = await ownDatabase(settings.database, settings.reuse);
  const dataDir = path.join(root, ".data", `bench-lighthouse-${settings.database}`);
  if (!settings.reuse) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`);
  await seed(databaseUrl, dataDir);
  await ensureBuild(root, log);
  const app = await startApp(root, { port: settings.port, databaseUrl, env: { FOLIO_DATA_DIR: dataDir } });
  const reportDir = settings.reports ?? mkdtempSync(path.join(os.tmpdir(), "folio-lighthouse-"));
  mkdirSync(reportDir, { recursive: true });
  try {
    const pages = [
      { name: "home page", path: "/" },
      { name: "gated article, anonymous", path: await gatedArticlePath(databaseUrl) },
    ];
    const rows: string[][] = [];
    for (const page of pages) {
      const url = `${app.url}${page.path}`;
      // The server's page cache holds the page before the first measured load, as it would in production.
      for (let i = 0; i < 3; i++) await fetch(url).then((response) => response.arrayBuffer());
      const runs: Run[] = [];
      for (let run = 1; run <= settings.runs; run++) {
        log(`${page.name} (${page.path}): run ${run} of ${settings.runs}, load average ${os.loadavg()[0]!.toFixed(2)}`);
        runs.push(
          await lighthouse(
            url,
            path.join(reportDir, `${page.name.split(",")[0]!.replaceAll(" ", "-")}-${run}.json`),
            chrome,
          ),
        );
      }
      const bytes = await clientScriptBytes(url);
      const pick = (key: keyof Run) => median(runs.map((run) => run[key]));
      rows.push([
        page.name,
        String(pick("performance")),
        `${(pick("fcpMs") / 1000).toFixed(2)} s`,
        `${(pick("lcpMs") / 1000).toFixed(2)} s`,
        `${Math.round(pick("tbtMs"))} ms`,
        pick("cls").toFixed(3),
        `${bytes.scripts} files, ${kilobytes(bytes.compressedBytes)}`,
        kilobytes(bytes.htmlCompressedBytes),
        runs.map((run) => run.performance).join(", "),
      ]);
    }
    console.log(
      table(
        [
          "page",
          "performance",
          "FCP",
          "LCP",
          "TBT",
          "CLS",
          "JavaScript (compressed)",
          "HTML (compressed)",
          "scores of the runs",
        ],
        rows,
      ),
    );
    console.log(
      `medians of ${settings.runs} runs, Lighthouse mobile preset; ${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown"}; load average after: ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(", ")}`,
    );
    if (settings.reports) log(`reports in ${reportDir}`);
  } finally {
    await app.stop();
    if (!settings.reports) rmSync(reportDir, { recursive: true, force: true });
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(
      `[bench:lighthouse] ${error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error)}`,
    );
    process.exit(1);
  });
