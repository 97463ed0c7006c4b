// How every launcher (npm start, the tests, the benchmark) runs the web
// server: the compiled bundle with plain Node, from the project folder, with
// the production environment and the Node.js options below.
//
// The options give the heap limit, FOLIO_HEAP_MB. V8 otherwise sizes the heap from the
// machine (about 4 GB on 24 GB) and lets it grow far past what is live before
// it collects: the benchmark's server held 740 to 1,000 MB resident with
// about 150 MB live. The limit has to be set when the process starts, so it
// is set here, not by the server itself. A NODE_OPTIONS of the caller's own
// comes after it and wins.
import { heapMegabytes } from "@/lib/config/env";

/** What scripts/build-server.ts writes and the launchers run, relative to the project folder. */
export const SERVER_BUNDLE = "dist/server/main.mjs";

export function serverNodeOptions(env: Record<string, string | undefined>): string {
  const parsed = heapMegabytes.safeParse(env.FOLIO_HEAP_MB);
  if (!parsed.success)
    throw new Error(
      `FOLIO_HEAP_MB must be a whole number of megabytes from 192 to 65536 (it is "${env.FOLIO_HEAP_MB}")`,
    );
  return [`--max-old-space-size=${parsed.data}`, env.NODE_OPTIONS].filter(Boolean).join(" ");
}

/** The command line and environment that start the web server (run it with the project folder as cwd). */
export function serverProcess(env: Record<string, string | undefined>): {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
} {
  return {
    command: process.execPath,
    args: [SERVER_BUNDLE],
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: serverNodeOptions(env) },
  };
}
