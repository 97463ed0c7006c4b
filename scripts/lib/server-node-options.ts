// The Node.js options every launcher gives the web server (scripts/serve.ts):
// its heap limit, FOLIO_HEAP_MB. V8 otherwise sizes the heap from the
// machine (about 4 GB on 24 GB) and lets it grow far past what is live before
// it collects: the benchmark's server held 740 to 1,000 MB resident with
// about 150 MB live. The limit has to be set when the process starts, so it
// is set here, not by the server itself. A NODE_OPTIONS of the caller's own
// comes after it and wins.
import { heapMegabytes } from "../../lib/config/env";

export function serverNodeOptions(env: Record<string, string | undefined>): string {
  const parsed = heapMegabytes.safeParse(env.FOLIO_HEAP_MB);
  if (!parsed.success)
    throw new Error(
      `FOLIO_HEAP_MB must be a whole number of megabytes from 192 to 65536 (it is "${env.FOLIO_HEAP_MB}")`,
    );
  return [`--max-old-space-size=${parsed.data}`, env.NODE_OPTIONS].filter(Boolean).join(" ");
}
