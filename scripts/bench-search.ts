// `npm run bench:search [-- --articles 50000 --clients 8 --fresh --http --port 3460 --database name]`:
// loads generated articles into a PostgreSQL database of its own (see
// bench/bench-database.ts; --database names another one on the same server,
// such as the page benchmark's, which must exist) and measures the search the page and the API run
// (lib/search: ranking, the page's summaries and snippets), in this process,
// for an anonymous reader, over a mix of 200 searches: latency on one client,
// then throughput and latency with several clients at once. In this process
// nothing is cached (no tag clock runs in a script), so every search is
// computed. With --http, then GET /api/search against the production server
// as well (bench/search-http.ts): each search once, then repeated, when the
// results cache answers. Not a test: it prints a table to paste into
// docs/search.md.
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { openBenchDatabase, fillBenchDatabase, type BenchDatabase } from "./bench/bench-database";
import { ms, percentile, table, timed } from "./bench/latency";
import type { HttpPasses } from "./bench/search-http";
import { searchQueryMix, type BenchQuery } from "./bench/search-query-mix";

const log = (line: string) => console.log(`[bench:search] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "50000" },
      clients: { type: "string", default: "8" },
      fresh: { type: "boolean", default: false },
      http: { type: "boolean", default: false },
      port: { type: "string", default: "3460" },
      database: { type: "string" },
    },
  });
  const articles = Number(values.articles);
  const clients = Number(values.clients);
  if (!Number.isSafeInteger(articles) || articles < 1 || !Number.isSafeInteger(clients) || clients < 1) {
    throw new Error("--articles and --clients must be positive whole numbers");
  }
  const port = Number(values.port);
  if (!Number.isSafeInteger(port) || port < 1 || port > 65535) throw new Error("--port must be a port number");
  if (values.database !== undefined && !/^[a-z_][a-z0-9_]*$/.test(values.database))
    throw new Error("--database must be a plain PostgreSQL name");
  return {
    articles,
    clients,
    fresh: values.fresh ?? false,
    http: values.http ?? false,
    port,
    database: values.database,
  };
}

async function serverFacts(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]!.version.split(" on ")[0]!;
  } finally {
    await client.end();
  }
}

/** A database of that name on the server in DATABASE_URL. */
function namedDatabase(name: string): BenchDatabase {
  if (!process.env.DATABASE_URL) throw new Error("--database needs DATABASE_URL to name the PostgreSQL server");
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), description: `PostgreSQL at ${url.host}/${name}`, close: async () => {} };
}

async function main(): Promise<void> {
  const { articles, clients, fresh, http, port, database: name } = options();
  const database = name ? namedDatabase(name) : await openBenchDatabase({ serverUrl: process.env.DATABASE_URL, fresh });
  log(`database: ${database.description}`);
  // The settings are read once, by the first module that asks (loading the
  // articles may be it), and the search modules connect to DATABASE_URL.
  process.env.DATABASE_URL = database.url;
  try {
    await fillBenchDatabase(database.url, articles, log);
    const { searchLibrary } = await import("../lib/search/search-library");
    const { suggestHeadlines } = await import("../lib/search/suggest-headlines");
    const run = async (query: BenchQuery) => {
      const outcome = await searchLibrary(query.params, null);
      if (outcome.kind === "refused" || outcome.kind === "empty")
        throw new Error(`${JSON.stringify(query.params)}: ${outcome.kind}`);
      return outcome;
    };

    const queries = searchQueryMix();
    log(`warming up: ${queries.length} searches`);
    let found = 0;
    for (const query of queries) found += (await run(query)).total > 0 ? 1 : 0;

    log("one client");
    const single: { query: BenchQuery; ms: number; total: number }[] = [];
    for (const query of queries) {
      let total = 0;
      const took = await timed(async () => (total = (await run(query)).total));
      single.push({ query, ms: took, total });
    }

    log(`${clients} clients at once`);
    const concurrent: number[] = [];
    const wall = await timed(() =>
      Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          // Each client runs the whole mix, starting at a different place in it.
          for (let i = 0; i < queries.length; i++) {
            const query = queries[(i + Math.floor((client * queries.length) / clients)) % queries.length]!;
            concurrent.push(await timed(() => run(query)));
          }
        }),
      ),
    );

    log("suggestions, one client");
    const prefixes = queries
      .map((query) => query.params.q!.replace(/["-]/g, "").split(" ")[0]!.slice(0, 4))
      .filter((p) => p.length >= 2);
    for (const prefix of prefixes.slice(0, 20)) await suggestHeadlines(prefix);
    const suggest: number[] = [];
    for (const prefix of prefixes) suggest.push(await timed(() => suggestHeadlines(prefix)));

    let overHttp: HttpPasses | null = null;
    if (http) {
      // Imported here, like the search modules: what it imports reads the settings once.
      const { benchOverHttp } = await import("./bench/search-http");
      overHttp = await benchOverHttp({ databaseUrl: database.url, port, clients, queries, log });
    }

    const all = single.map((sample) => sample.ms);
    const kinds = [...new Set(single.map((sample) => sample.query.kind))];
    console.log(
      `\n${articles.toLocaleString("en-US")} articles; ${queries.length} searches (${found} with results); ` +
        `${await serverFacts(database.url)}; ${os.cpus().length} CPU cores; Node ${process.version}\n`,
    );
    console.log(
      table(
        ["measure", "p50", "p95", "throughput"],
        [
          [
            "search, 1 client",
            ms(percentile(all, 50)),
            ms(percentile(all, 95)),
            `${(single.length / (all.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} searches/s`,
          ],
          [
            `search, ${clients} clients`,
            ms(percentile(concurrent, 50)),
            ms(percentile(concurrent, 95)),
            `${(concurrent.length / (wall / 1000)).toFixed(0)} searches/s`,
          ],
          ["suggestions, 1 client", ms(percentile(suggest, 50)), ms(percentile(suggest, 95)), ""],
          ...(overHttp
            ? [
                [
                  `GET /api/search, ${clients} clients, each search once`,
                  ms(percentile(overHttp.computed, 50)),
                  ms(percentile(overHttp.computed, 95)),
                  "",
                ],
                [
                  `GET /api/search, ${clients} clients, repeated`,
                  ms(percentile(overHttp.repeated, 50)),
                  ms(percentile(overHttp.repeated, 95)),
                  `${(overHttp.repeated.length / (overHttp.repeatedWallMs / 1000)).toFixed(0)} searches/s`,
                ],
              ]
            : []),
        ],
      ),
    );
    if (overHttp && overHttp.errors > 0) console.log(`\n${overHttp.errors} HTTP answers were not 200`);
    console.log(`\nOne client, by kind of search:\n`);
    console.log(
      table(
        ["kind", "searches", "p50", "p95", "max"],
        kinds.map((kind) => {
          const samples = single.filter((sample) => sample.query.kind === kind).map((sample) => sample.ms);
          return [
            kind,
            String(samples.length),
            ms(percentile(samples, 50)),
            ms(percentile(samples, 95)),
            ms(Math.max(...samples)),
          ];
        }),
      ),
    );
    console.log(`\nThe five slowest searches on one client:\n`);
    console.log(
      table(
        ["search", "matches", "time"],
        [...single]
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 5)
          .map((sample) => [
            `\`${new URLSearchParams(sample.query.params).toString()}\``,
            sample.total.toLocaleString("en-US"),
            ms(sample.ms),
          ]),
      ),
    );
  } finally {
    const { db } = await import("../lib/db/prisma");
    if (process.env.DATABASE_URL === database.url) await db().$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:search] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
