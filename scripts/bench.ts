// `npm run bench [-- --articles 50000 --duration 15 --connections 32 --reuse --only subscriber,free]`:
// the page benchmark. Loads generated articles into a fresh database of its
// own on the PostgreSQL server in DATABASE_URL (`folio_bench`, or --database),
// builds and starts the production server (server/main.ts, jobs off), and
// drives it with autocannon on loopback, one scenario at a time: the pages of
// an anonymous reader, a free reader, a subscriber, the front page, a search,
// an unlock, and two ceilings: an article page saved to disk and served by a
// plain Node server, and the same file served by nginx (when installed). With
// nginx, the anonymous article pages once more through nginx caching them as a
// CDN would (scripts/lib/nginx.ts): what a deployment serves, not what one app
// server does. For each it prints requests/s, p50/p99 latency, errors, the
// app's peak memory, database transactions per request and the ratio to each
// ceiling, as a table and as JSON (docs/bench-results.json); then the client
// JavaScript each kind of page ships. Not a test: numbers depend on the
// machine; docs/performance.md has them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request as CannonRequest } from "autocannon";
import { startApp, type AppProcess } from "./bench/app-process";
import { fillBenchDatabase } from "./bench/bench-database";
import { clientScriptTable } from "./bench/client-script-bytes";
import { table } from "./bench/latency";
import { ownDatabase } from "./bench/own-database";
import { preparePeople, transactionsSoFar } from "./bench/page-bench-people";
import { megabytes, peakRss, sampleRss } from "./bench/process-memory";
import { searchQueryMix } from "./bench/search-query-mix";
import { startStaticServer } from "./bench/static-server";
import { ensureBuild } from "./lib/ensure-build";
import { nginxBinary, startNginx } from "./lib/nginx";

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
      // Only the scenarios whose name has one of these (comma-separated) in it; the ceilings always run.
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
  return {
    ...numbers,
    database: values.database!,
    reuse: values.reuse ?? false,
    output: values.output ?? (values.only ? null : "docs/bench-results.json"),
    only: values.only,
  };
}

type Target = "app" | "static" | "nginx-static" | "nginx";
type Scenario = { name: string; requests: CannonRequest[]; target: Target };

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
  /** The rate over the Node static server's (the saved page, the first ceiling). */
  ratioToNodeStatic: number | null;
  /** The rate over nginx's serving the same file (the second ceiling; null without nginx). */
  ratioToNginxStatic: number | null;
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

function nginxInstalled(): boolean {
  try {
    nginxBinary();
    return true;
  } catch (error) {
    log(`${(error as Error).message}; the nginx ceiling and the CDN scenario are left out`);
    return false;
  }
}

async function main(): Promise<void> {
  const settings = options();
  const databaseUrl = await ownDatabase(settings.database, settings.reuse);
  log(`database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}`);
  await fillBenchDatabase(databaseUrl, settings.articles, log);
  await ensureBuild(root, log);
  const people = await preparePeople(databaseUrl, { anonymousArticles: 2_000, unlockReaders: 500 });
  const app = await startApp(root, { port: settings.port, databaseUrl });
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
  const withNginx = nginxInstalled();
  const nginxStatic = withNginx ? await startNginx({ port: settings.port + 3, staticFile: savedPage }) : null;
  if (nginxStatic) stops.push(() => nginxStatic.stop());
  const cdn = withNginx ? await startNginx({ port: settings.port + 2, upstreams: [settings.port], cache: true }) : null;
  if (cdn) stops.push(() => cdn.stop());

  const get = (pathname: string, cookie?: string): CannonRequest => ({
    method: "GET",
    path: pathname,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const searches = searchQueryMix().map((query) => get(`/search?${new URLSearchParams(query.params)}`));
  const scenarios: Scenario[] = [
    { name: "ceiling: saved article page, Node static server", target: "static", requests: [get("/")] },
    ...(nginxStatic
      ? [{ name: "ceiling: saved article page, nginx", target: "nginx-static" as const, requests: [get("/")] }]
      : []),
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

  const urls: Record<Target, string | undefined> = {
    app: app.url,
    static: baseline.url,
    "nginx-static": nginxStatic?.url,
    nginx: cdn?.url,
  };
  const ceilings = new Set<Target>(["static", "nginx-static"]);
  const outcomes: Outcome[] = [];
  // The unrounded rates, for the ratios: each row's, and each ceiling's.
  const rates = new Map<Outcome, number>();
  const ceilingRates = new Map<Target, number>();
  const only = settings.only?.split(",");
  const chosen = scenarios.filter(
    ({ name, target }) => !only || ceilings.has(target) || only.some((part) => name.includes(part)),
  );
  for (const scenario of chosen) {
    const url = urls[scenario.target]!;
    log(`${scenario.name}: warming up`);
    // Unlocks are not warmed: their first round is the one that spends.
    if (!scenario.name.startsWith("unlock")) await warmUp(url, scenario.requests, settings.connections);
    const usesApp = !ceilings.has(scenario.target);
    const before = usesApp ? await transactionsSoFar(databaseUrl) : 0;
    // nginx's own memory is not sampled (its workers are not the process started).
    const stopSampling = sampleRss(usesApp ? app.pid : baseline.pid);
    log(`${scenario.name}: ${settings.duration} s with ${settings.connections} connections`);
    const result = await drive(url, scenario.requests, settings.duration, settings.connections);
    const sampledPeak = stopSampling();
    const after = usesApp ? await transactionsSoFar(databaseUrl) : 0;
    const requests = result.requests.total;
    const rate = result.requests.average;
    if (ceilings.has(scenario.target)) ceilingRates.set(scenario.target, rate);
    const outcome: Outcome = {
      scenario: scenario.name,
      requestsPerSecond: Math.round(rate),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      requests,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      appPeakRssMb: usesApp || scenario.target === "static" ? Math.round(sampledPeak / 1024 / 1024) : null,
      // The bench's own statistics queries are a few transactions in tens of thousands.
      dbTransactionsPerRequest: usesApp && requests > 0 ? Number(((after - before) / requests).toFixed(2)) : null,
      ratioToNodeStatic: null,
      ratioToNginxStatic: null,
    };
    outcomes.push(outcome);
    rates.set(outcome, rate);
    // Each row as it is measured, so that a run cut short keeps what it measured.
    log(
      `${scenario.name}: ${Math.round(rate)} req/s, p50 ${outcome.p50Ms} ms, p99 ${outcome.p99Ms} ms, ` +
        `${outcome.errors} errors, ${outcome.non2xx} non-2xx, peak ${outcome.appPeakRssMb ?? "-"} MB, ` +
        `${outcome.dbTransactionsPerRequest ?? "-"} xacts/req`,
    );
  }
  const appPeak = peakRss(app.pid);
  // Every row over both ceilings of this run, the ceilings included.
  const ratio = (outcome: Outcome, ceiling: number | undefined) =>
    ceiling ? Number((rates.get(outcome)! / ceiling).toFixed(3)) : null;
  for (const outcome of outcomes) {
    outcome.ratioToNodeStatic = ratio(outcome, ceilingRates.get("static"));
    outcome.ratioToNginxStatic = ratio(outcome, ceilingRates.get("nginx-static"));
  }
  const pageScripts = await clientScriptTable(app.url, [
    { page: "home page", path: "/" },
    { page: "article, anonymous", path: `/articles/${people.anonymousSlugs[0]}` },
    {
      page: "article, subscriber",
      path: `/articles/${people.subscriber.gatedSlugs[0]}`,
      cookie: people.subscriber.cookie,
    },
    { page: "search page", path: `/search?${new URLSearchParams(searchQueryMix()[0]!.params)}` },
    { page: "account page", path: "/account", cookie: people.subscriber.cookie },
  ]);

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
      [
        "scenario",
        "req/s",
        "p50",
        "p99",
        "errors",
        "non-2xx",
        "app peak RSS",
        "DB xacts/req",
        "× Node static",
        "× nginx static",
      ],
      outcomes.map((outcome) => [
        outcome.scenario,
        String(outcome.requestsPerSecond),
        `${outcome.p50Ms} ms`,
        `${outcome.p99Ms} ms`,
        String(outcome.errors),
        String(outcome.non2xx),
        outcome.appPeakRssMb === null ? "" : `${outcome.appPeakRssMb} MB`,
        outcome.dbTransactionsPerRequest === null ? "" : String(outcome.dbTransactionsPerRequest),
        outcome.ratioToNodeStatic === null ? "" : outcome.ratioToNodeStatic.toFixed(3),
        outcome.ratioToNginxStatic === null ? "" : outcome.ratioToNginxStatic.toFixed(3),
      ]),
    ),
  );
  console.log(`\n${pageScripts.table}\n`);
  console.log(
    Object.entries(machine)
      .map(([key, value]) => `${key}: ${value}`)
      .join("; "),
  );
  if (settings.output) {
    writeFileSync(
      path.resolve(root, settings.output),
      `${JSON.stringify(
        {
          when: new Date().toISOString(),
          machine,
          outcomes,
          clientScripts: pageScripts.rows,
        },
        null,
        2,
      )}\n`,
    );
    log(`written to ${settings.output}`);
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(
      `[bench] ${error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : String(error)}`,
    );
    process.exit(1);
  });
