// Compiles the production web server (server/main.ts) and the lib/ code it
// runs into one ES module, dist/server/main.mjs, so that production runs it
// with plain Node: no TypeScript loader at run time (tsx kept two wrapper
// processes, about 115 MB, and a loader thread). Packages stay in
// node_modules; only Folio's own code is bundled. Run after `next build`
// (npm run build does both).
import path from "node:path";
import { build } from "esbuild";
import { SERVER_BUNDLE } from "../server/server-process";

const SERVER_ENTRY = "server/main.ts";

export async function buildServer(root: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: [SERVER_ENTRY],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Every package is loaded from node_modules at run time, as Next.js's are.
    packages: "external",
    jsx: "automatic",
    sourcemap: "linked",
    logLevel: "warning",
    // The "@/..." paths come from tsconfig.json, which esbuild reads.
    tsconfig: path.join(root, "tsconfig.json"),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer(path.resolve(import.meta.dirname, ".."));
  console.log(`built ${SERVER_BUNDLE}`);
}
