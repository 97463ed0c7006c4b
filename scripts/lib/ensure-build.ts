// Builds the Next.js app and the web server around it (scripts/build-server.ts)
// when the sources changed since the last build, so that `npm start` is quick
// on the second run and never serves stale code.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SERVER_BUNDLE } from "../../server/server-process";
import { buildServer } from "../build-server";
import { runCommand } from "./run-command";

const SOURCES = [
  "app",
  "components",
  "lib",
  "server",
  "scripts/build-server.ts",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function hashTree(root: string, entry: string, hash: ReturnType<typeof createHash>): void {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const child of readdirSync(full).sort()) {
      if (!SKIP.has(child) && !child.endsWith(".test.ts")) hashTree(root, path.join(entry, child), hash);
    }
    return;
  }
  hash.update(entry).update("\0").update(readFileSync(full)).update("\0");
}

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const entry of SOURCES) hashTree(root, entry, hash);
  return hash.digest("hex");
}

const markerOf = (root: string) => path.join(root, ".next", "folio-source-hash");

/**
 * Notes that the build in .next is of the sources as they are now: for a build
 * made by `npm run build` (CI's build stage), so that the end-to-end tests
 * after it do not build the same sources a second time.
 */
export function recordBuild(root: string): void {
  writeFileSync(markerOf(root), sourceHash(root));
}

export async function ensureBuild(root: string, log: (line: string) => void): Promise<void> {
  const marker = markerOf(root);
  const wanted = sourceHash(root);
  const built = [path.join(".next", "BUILD_ID"), SERVER_BUNDLE].every((file) => existsSync(path.join(root, file)));
  if (built && existsSync(marker) && readFileSync(marker, "utf8") === wanted) return;
  log("building the web app (next build); this takes a minute the first time");
  const code = await runCommand("npx", ["next", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  await buildServer(root);
  writeFileSync(marker, wanted);
}
