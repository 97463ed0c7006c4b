// The production web server: Next.js behind a plain Node HTTP server, so that
// the client address the app sees can be trusted. `next start` keeps an
// X-Forwarded-For header the client sent itself, which would let anyone pick
// their own address and slip past the per-IP sign-in limit. Here the header
// is replaced with the socket's address, unless TRUST_PROXY says Folio runs
// behind that many proxies that append to it. The same process runs the
// background jobs (JOBS=off to leave them to other servers).
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { parseEnv } from "../lib/config/env";
import { startJobRunner } from "../lib/jobs/job-runner";

const settings = parseEnv(process.env);
const root = path.resolve(import.meta.dirname, "..");
const app = next({ dev: false, dir: root, port: settings.PORT });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress ?? "unknown";
  const forwarded = request.headers["x-forwarded-for"];
  const hops = typeof forwarded === "string" ? forwarded.split(",").map((hop) => hop.trim()) : [];
  // With N trusted proxies the client is the N-th address from the right,
  // counting the socket's; anything further left was written by the client.
  const chain = [...hops, peer];
  const client = chain[Math.max(0, chain.length - 1 - settings.TRUST_PROXY)] ?? peer;
  request.headers["x-forwarded-for"] = client;
  void handle(request, response);
}).listen(settings.PORT, () => {
  console.log(`[folio] web server ready on port ${settings.PORT}`);
});

const jobs =
  settings.JOBS === "on" && settings.DATABASE_URL
    ? await startJobRunner(settings.DATABASE_URL, (line) => console.log(`[folio] ${line}`))
    : null;

async function shutdown(): Promise<void> {
  server.close();
  await jobs?.stop({ graceful: true, timeout: 5_000 }).catch(() => {});
  process.exit(0);
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);
