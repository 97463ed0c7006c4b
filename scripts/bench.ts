// `npm run bench [-- --articles 50000 --duration 15 --connections 32 --reuse --only subscriber,free]`:
// the page benchmark. Loads generated articles into a fresh database of its
// own on the PostgreSQL server in DATABASE_URL (`folio_bench`, or --database),
// builds and starts the production server (server/main.ts, jobs off), and
// drives it with autocannon on loopback, one scenario at a time: the pages of
// an anonymous reader, a free reader, a subscriber, the front page, a search,
// an unlock, and a static-file baseline (an article page saved to disk and
// served by a plain Node server). With nginx installed, the anonymous article
// pages once more through nginx caching them as a CDN would (scripts/lib/nginx.ts):
// what a deployment serves, not what one app server does. For each it prints requests/s, p50/p99
// latency, errors, the app's peak memory, database transactions per request
// and the ratio to the baseline, as a table and as JSON (docs/bench-results.json).
// Not a test: numbers depend on the machine; docs/performance.md has them.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request as CannonRequest } from "autocannon";
import pg from "pg";
import { fillBenchDatabase } from "./bench/bench-database";
import { table } from "./bench/latency";
import { preparePeople, transactionsSoFar } from "./bench/page-bench-people";
import { megabytes, peakRss, sampleRss } from "./bench/process-memory";
import { searchQueryMix } from "./bench/search-query-mix";
import { startStaticServer } from "./bench/static-server";
import { randomAuthSecret } from "./lib/auth-secret";
import { serverProcess } from "../server/server-process";
import { ensureBuild } from "./lib/ensure-build";
import { nginxBinary, startNginx, type Nginx } from "./lib/nginx";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[bench] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "50000" },
      duration: { type: "string", default: "15" },
      connections: { type: "string", default: "32" },
      port: { type: "string", default: "3400" },
      database: { type: "string", default: "folio_bench" },
      reuse: { type: "boolean", default: false },
      // Only the scenarios whose name has one of these (comma-separated) in it; the baseline always runs.
      only: { type: "string" },
      // A partial run (--only) writes no JSON unless asked to.
      output: { type: "string" },
    },
  });
  const numbers = {
    articles: Number(values.articles),
    duration: Number(values.duration),
    connections: Number(values.connections),
    port: Number(values.port),
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(values.database!)) throw new Error("--database must be a plain PostgreSQL name");
  return {
    ...numbers,
    database: values.database!,
    reuse: values.reuse ?? false,
    output: values.output ?? (values.only ? null : "docs/bench-results.json"),
    only: values.only,
  };
}

/** The benchmark's database on the server in DATABASE_URL: dropped and made anew unless --reuse. */
async function benchDatabase(name: string, reuse: boolean): Promise<string> {
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

type AppProcess = { url: string; pid: number; stop(): Promise<void> };

/** The web server (dist/server/main.mjs) in a process of its own, whose pid is the server's. */
async function startApp(port: number, databaseUrl: string): Promise<AppProcess> {
  const server = serverProcess({
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomAuthSecret(),
    JOBS: "off",
    // Mail and Stripe are not used by the scenarios; the settings only need to parse.
    SMTP_URL: "smtp://127.0.0.1:1",
    STRIPE_SECRET_KEY: "sk_test_bench",
    STRIPE_WEBHOOK_SECRET: "whsec_bench",
  });
  const child = spawn(server.command, server.args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: server.env,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the app server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    },
  };
}

type Scenario = { name: string; requests: CannonRequest[]; target: "app" | "static" | "nginx" };

type Outcome = {
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  appPeakRssMb: number | null;
  dbTransactionsPerRequest: number | null;
  ratioToBaseline: number | null;
};

async function drive(url: string, requests: CannonRequest[], duration: number, connections: number) {
  return autocannon({
    url,
    connections,
    duration,
    requests,
    pipelining: 1,
    setupClient: spreadOver(requests, connections),
  });
}

/**
 * autocannon starts every connection at the first request of the list, so 32
 * connections would all ask for the same few pages. Each connection starts
 * at its own place instead: many different pages at once, as readers ask.
 */
function spreadOver(requests: CannonRequest[], connections: number): (client: autocannon.Client) => void {
  let opened = 0;
  return (client) => {
    const offset = Math.floor(((opened++ % connections) * requests.length) / connections);
    client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
  };
}

/** One pass over all of the scenario's requests (then three seconds' worth), so caches hold what it asks for. */
async function warmUp(url: string, requests: CannonRequest[], connections: number) {
  if (requests.length > 1) {
    await autocannon({
      url,
      connections,
      amount: Math.max(requests.length, connections),
      requests,
      pipelining: 1,
      setupClient: spreadOver(requests, connections),
    });
  }
  await drive(url, requests, 3, connections);
}

async function maybeNginx(port: number, upstream: number): Promise<Nginx | null> {
  try {
    nginxBinary();
  } catch (error) {
    log(`${(error as Error).message}; the CDN scenario is left out`);
    return null;
  }
  return startNginx({ port, upstreams: [upstream], cache: true });
}

async function main(): Promise<void> {
  const settings = options();
  const databaseUrl = await benchDatabase(settings.database, settings.reuse);
  log(`database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`);
  await fillBenchDatabase(databaseUrl, settings.articles, log);
  await ensureBuild(root, log);
  const people = await preparePeople(databaseUrl, { anonymousArticles: 2_000, unlockReaders: 500 });
  const app = await startApp(settings.port, databaseUrl);
  log(`app server: ${app.url} (pid ${app.pid})`);

  const stops: (() => unknown)[] = [() => app.stop()];
  try {
    await runScenarios(settings, databaseUrl, people, app, stops);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

async function runScenarios(
  settings: ReturnType<typeof options>,
  databaseUrl: string,
  people: Awaited<ReturnType<typeof preparePeople>>,
  app: AppProcess,
  stops: (() => unknown)[],
): Promise<void> {
  const workDir = mkdtempSync(path.join(os.tmpdir(), "folio-bench-"));
  stops.push(() => rmSync(workDir, { recursive: true, force: true }));
  const savedPage = path.join(workDir, "article.html");
  writeFileSync(savedPage, await (await fetch(`${app.url}/articles/${people.anonymousSlugs[0]}`)).text());
  const baseline = await startStaticServer(savedPage, settings.port + 1);
  stops.push(() => baseline.stop());
  const cdn = await maybeNginx(settings.port + 2, settings.port);
  if (cdn) stops.push(() => cdn.stop());

  const get = (pathname: string, cookie?: string): CannonRequest => ({
    method: "GET",
    path: pathname,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const searches = searchQueryMix().map((query) => get(`/search?${new URLSearchParams(query.params)}`));
  const scenarios: Scenario[] = [
    { name: "static baseline (saved article page)", target: "static", requests: [get("/")] },
    {
      name: "anonymous article (2,000 different)",
      target: "app",
      requests: people.anonymousSlugs.map((slug) => get(`/articles/${slug}`)),
    },
    ...(cdn
      ? [
          {
            name: "anonymous article via nginx caching as a CDN",
            target: "nginx" as const,
            requests: people.anonymousSlugs.map((slug) => get(`/articles/${slug}`)),
          },
        ]
      : []),
    {
      name: "free reader, unlocked article",
      target: "app",
      requests: people.freeReader.unlockedSlugs.map((slug) => get(`/articles/${slug}`, people.freeReader.cookie)),
    },
    {
      name: "subscriber, gated article (1,000 different)",
      target: "app",
      requests: people.subscriber.gatedSlugs.map((slug) => get(`/articles/${slug}`, people.subscriber.cookie)),
    },
    { name: "home page, anonymous", target: "app", requests: [get("/")] },
    { name: "search page, anonymous (200 queries)", target: "app", requests: searches },
    {
      name: "unlock (500 readers x 3 articles; repeats answer 200 unchanged)",
      target: "app",
      requests: people.unlocks.map(({ cookie, slug }) => ({
        method: "POST",
        path: `/api/articles/${slug}/unlock`,
        headers: { cookie },
      })),
    },
  ];

  const outcomes: Outcome[] = [];
  let baselineRate: number | null = null;
  const only = settings.only?.split(",");
  const chosen = scenarios.filter(
    ({ name, target }) => !only || target === "static" || only.some((part) => name.includes(part)),
  );
  for (const scenario of chosen) {
    const url = scenario.target === "app" ? app.url : scenario.target === "nginx" ? cdn!.url : baseline.url;
    log(`${scenario.name}: warming up`);
    // Unlocks are not warmed: their first round is the one that spends.
    if (!scenario.name.startsWith("unlock")) await warmUp(url, scenario.requests, settings.connections);
    const usesApp = scenario.target !== "static";
    const before = usesApp ? await transactionsSoFar(databaseUrl) : 0;
    const stopSampling = sampleRss(usesApp ? app.pid : baseline.pid);
    log(`${scenario.name}: ${settings.duration} s with ${settings.connections} connections`);
    const result = await drive(url, scenario.requests, settings.duration, settings.connections);
    const sampledPeak = stopSampling();
    const after = usesApp ? await transactionsSoFar(databaseUrl) : 0;
    const requests = result.requests.total;
    const rate = result.requests.average;
    if (scenario.target === "static") baselineRate = rate;
    outcomes.push({
      scenario: scenario.name,
      requestsPerSecond: Math.round(rate),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      appPeakRssMb: usesApp ? Math.round(sampledPeak / 1024 / 1024) : null,
      // The bench's own statistics queries are a few transactions in tens of thousands.
      dbTransactionsPerRequest: usesApp && requests > 0 ? Number(((after - before) / requests).toFixed(2)) : null,
      ratioToBaseline: baselineRate ? Number((rate / baselineRate).toFixed(3)) : null,
    });
  }
  const appPeak = peakRss(app.pid);

  const machine = {
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown"}`,
    memory: megabytes(os.totalmem()),
    node: process.version,
    loadAverageAfter: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(", "),
    articles: settings.articles,
    durationSeconds: settings.duration,
    connections: settings.connections,
    appPeakRss: megabytes(appPeak),
  };
  console.log(
    table(
      ["scenario", "req/s", "p50", "p99", "errors", "non-2xx", "app peak RSS", "DB xacts/req", "× baseline"],
      outcomes.map((outcome) => [
        outcome.scenario,
        String(outcome.requestsPerSecond),
        `${outcome.p50Ms} ms`,
        `${outcome.p99Ms} ms`,
        String(outcome.errors),
        String(outcome.non2xx),
        outcome.appPeakRssMb === null ? "" : `${outcome.appPeakRssMb} MB`,
        outcome.dbTransactionsPerRequest === null ? "" : String(outcome.dbTransactionsPerRequest),
        outcome.ratioToBaseline === null ? "" : outcome.ratioToBaseline.toFixed(3),
      ]),
    ),
  );
  console.log(
    Object.entries(machine)
      .map(([key, value]) => `${key}: ${value}`)
      .join("; "),
  );
  if (settings.output) {
    writeFileSync(
      path.resolve(root, settings.output),
      `${JSON.stringify({ when: new Date().toISOString(), machine, outcomes }, null, 2)}\n`,
    );
    log(`written to ${settings.output}`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
