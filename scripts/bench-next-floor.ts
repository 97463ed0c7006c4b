// `npm run bench:next-floor [-- --duration 10 --connections 32]`: how fast
// Next.js itself serves a page rendered per request on this machine, with
// none of Folio in it. Builds two throwaway Next.js apps in a temporary
// folder (this project's node_modules, so the same Next.js and React) whose
// page is a headline, a paragraph and one line that depends on the request's
// cookie:
// - rendered whole per request (`force-dynamic`, as Folio's pages are);
// - Partial Prerendering (`cacheComponents`): the headline and paragraph
//   prerendered once, the cookie line streamed into it per request;
// and a prerendered static page served by the same server, for comparison.
// The page benchmark's signed-in scenarios cannot be faster than the first
// two: this is the floor under any page that depends on the reader.
// Not a test: numbers depend on the machine; docs/performance.md has them.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { table } from "./bench/latency";
import { peakRss } from "./bench/process-memory";
import { runCommand } from "./lib/run-command";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[next-floor] ${line}`);
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

const LAYOUT = `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body><header><a href="/">Home</a></header><main>{children}</main></body></html>;
}
`;
const STATIC_PAGE = `export default function Page() { return <p>The same for everyone.</p>; }
`;
const READER_LINE = `import { cookies } from "next/headers";
export async function ReaderLine() {
  const reader = (await cookies()).get("reader")?.value ?? "anonymous";
  return <p>Signed in as {reader}.</p>;
}
`;
const SHELL = `<h1>A headline</h1><p>{"A paragraph of the article's preview. ".repeat(40)}</p>`;
const DYNAMIC_PAGE = `import { ReaderLine } from "../reader-line";
export const dynamic = "force-dynamic";
export default function Page() { return <article>${SHELL}<ReaderLine /></article>; }
`;
const PPR_PAGE = `import { Suspense } from "react";
import { ReaderLine } from "../reader-line";
export default function Page() { return <article>${SHELL}<Suspense fallback={<p>…</p>}><ReaderLine /></Suspense></article>; }
`;

type Variant = { name: string; config: string; page: string };

const VARIANTS: Variant[] = [
  { name: "rendered per request (force-dynamic)", config: "{}", page: DYNAMIC_PAGE },
  {
    name: "Partial Prerendering (cacheComponents)",
    config: "{ cacheComponents: true, partialPrefetching: true }",
    page: PPR_PAGE,
  },
];

/** A Next.js app in a folder of its own, built for production. */
async function buildApp(folder: string, variant: Variant): Promise<void> {
  mkdirSync(path.join(folder, "app/reader"), { recursive: true });
  mkdirSync(path.join(folder, "app/static"), { recursive: true });
  symlinkSync(path.join(root, "node_modules"), path.join(folder, "node_modules"));
  writeFileSync(path.join(folder, "package.json"), `{ "name": "next-floor", "private": true, "type": "module" }\n`);
  // Turbopack resolves only inside its root; the node_modules link points out of the folder.
  writeFileSync(
    path.join(folder, "next.config.js"),
    `export default { ...${variant.config}, turbopack: { root: "/" } };\n`,
  );
  writeFileSync(path.join(folder, "app/layout.tsx"), LAYOUT);
  writeFileSync(path.join(folder, "app/reader-line.tsx"), READER_LINE);
  writeFileSync(path.join(folder, "app/reader/page.tsx"), variant.page);
  writeFileSync(path.join(folder, "app/static/page.tsx"), STATIC_PAGE);
  const code = await runCommand(process.execPath, [nextBin, "build"], {
    cwd: folder,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (code !== 0) throw new Error(`next build exited with ${code}`);
}

async function startApp(folder: string, port: number): Promise<{ url: string; pid: number; stop(): void }> {
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: folder,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${url}/static`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error("the Next.js app did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid!, stop: () => child.kill() };
}

async function measure(url: string, duration: number, connections: number) {
  const headers = { cookie: "reader=someone@example.org" };
  await autocannon({ url, connections, duration: 3, headers });
  const result = await autocannon({ url, connections, duration, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "32" },
      port: { type: "string", default: "3450" },
    },
  });
  const [duration, connections, port] = [Number(values.duration), Number(values.connections), Number(values.port)];
  const rows: string[][] = [];
  for (const variant of VARIANTS) {
    const folder = mkdtempSync(path.join(os.tmpdir(), "folio-next-floor-"));
    try {
      log(`${variant.name}: building`);
      await buildApp(folder, variant);
      const app = await startApp(folder, port);
      try {
        const pages: [string, string][] = [["/reader", variant.name]];
        if (variant === VARIANTS[0]) pages.push(["/static", "prerendered static page, same server"]);
        for (const [page, label] of pages) {
          log(`${label}: ${duration} s with ${connections} connections`);
          const result = await measure(`${app.url}${page}`, duration, connections);
          rows.push([
            label,
            String(Math.round(result.requests.average)),
            `${result.latency.p50} ms`,
            `${result.latency.p99} ms`,
            `${Math.round(peakRss(app.pid) / 1024 / 1024)} MB`,
          ]);
        }
      } finally {
        app.stop();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  console.log(table(["Next.js page", "req/s", "p50", "p99", "peak RSS"], rows));
  console.log(
    `cpus: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown"}; node: ${process.version}; load average after: ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(", ")}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[next-floor] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
