// `npm run bench:search -- --http`: GET /api/search over HTTP against the
// production server (the build, server/main.ts, jobs off) on the benchmark's
// database, with several clients at once, each waiting for its answer before
// asking again. Two passes over the mix: first each search asked once (the
// clients share the 200 between them), so every answer is computed; then each
// client runs the whole mix, when the results cache has them all.
import { spawn } from "node:child_process";
import path from "node:path";
import { serverProcess } from "../../server/server-process";
import { randomAuthSecret } from "../lib/auth-secret";
import { ensureBuild } from "../lib/ensure-build";
import { timed } from "./latency";
import type { BenchQuery } from "./search-query-mix";

const root = path.resolve(import.meta.dirname, "../..");

export type HttpPasses = { computed: number[]; repeated: number[]; repeatedWallMs: number; errors: number };

type App = { url: string; stop(): Promise<void> };

async function startApp(port: number, databaseUrl: string, log: (line: string) => void): Promise<App> {
  await ensureBuild(root, log);
  const server = serverProcess({
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomAuthSecret(),
    JOBS: "off",
    // Mail and Stripe are not used; the settings only need to parse.
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
  const healthy = () =>
    fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
  while (!(await healthy())) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the app server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
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

export async function benchOverHttp(options: {
  databaseUrl: string;
  port: number;
  clients: number;
  queries: BenchQuery[];
  log: (line: string) => void;
}): Promise<HttpPasses> {
  const { queries, clients, log } = options;
  const app = await startApp(options.port, options.databaseUrl, log);
  let errors = 0;
  const ask = async (query: BenchQuery) => {
    const response = await fetch(`${app.url}/api/search?${new URLSearchParams(query.params)}`);
    await response.arrayBuffer();
    if (response.status !== 200) errors += 1;
  };
  try {
    log(`over HTTP (${app.url}), ${clients} clients: each search once`);
    const computed: number[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let i = client; i < queries.length; i += clients) computed.push(await timed(() => ask(queries[i]!)));
      }),
    );
    log(`over HTTP, ${clients} clients: the whole mix each`);
    const repeated: number[] = [];
    const repeatedWallMs = await timed(() =>
      Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          for (let i = 0; i < queries.length; i++) {
            const query = queries[(i + Math.floor((client * queries.length) / clients)) % queries.length]!;
            repeated.push(await timed(() => ask(query)));
          }
        }),
      ),
    );
    return { computed, repeated, repeatedWallMs, errors };
  } finally {
    await app.stop();
  }
}
