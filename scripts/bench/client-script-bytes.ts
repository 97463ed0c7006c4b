// The JavaScript a page makes a browser download: every <script src> in its
// HTML, fetched as a browser would (Accept-Encoding: br, gzip) and counted
// as received, compressed; not the nomodule polyfills, which such a browser
// skips. The inline scripts (Next.js's RSC payload) are part of the HTML and
// not counted here.
import http from "node:http";
import { table } from "./latency";

export type ScriptBytes = { scripts: number; compressedBytes: number; htmlCompressedBytes: number };

/** One GET, the body's bytes as they came over the wire (not decompressed). */
function wireGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "accept-encoding": "br, gzip", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    // A page or file that never ends fails the count instead of holding the benchmark.
    request.setTimeout(30_000, () => request.destroy(new Error(`${url}: no answer within 30 s`)));
  });
}

async function pageHtml(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
    throw new Error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

export async function clientScriptBytes(url: string, cookie?: string): Promise<ScriptBytes> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const html = await pageHtml(url, headers);
  // Browsers that run modules skip the nomodule polyfills; Next.js adds one to every page.
  const sources = new Set(
    [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((match) => match[1]!)
      .filter((attributes) => !/\bnomodule\b/i.test(attributes))
      .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
      .filter((source) => source !== undefined),
  );
  let compressedBytes = 0;
  for (const source of sources) {
    const script = await wireGet(new URL(source.replaceAll("&amp;", "&"), url).toString(), headers);
    if (script.status !== 200) throw new Error(`${source} answered ${script.status}`);
    compressedBytes += script.body.length;
  }
  const page = await wireGet(url, headers);
  return { scripts: sources.size, compressedBytes, htmlCompressedBytes: page.body.length };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export type PageScripts = { page: string; scripts: number; scriptBytes: number; htmlBytes: number };

/** The scripts of each page, as rows and as a Markdown table (sizes compressed, as a browser receives them). */
export async function clientScriptTable(
  base: string,
  pages: { page: string; path: string; cookie?: string }[],
): Promise<{ rows: PageScripts[]; table: string }> {
  const rows: PageScripts[] = [];
  for (const { page, path, cookie } of pages) {
    const bytes = await clientScriptBytes(`${base}${path}`, cookie);
    rows.push({
      page,
      scripts: bytes.scripts,
      scriptBytes: bytes.compressedBytes,
      htmlBytes: bytes.htmlCompressedBytes,
    });
  }
  return {
    rows,
    table: table(
      ["page", "script files", "JavaScript (compressed)", "HTML (compressed)"],
      rows.map((row) => [row.page, String(row.scripts), kilobytes(row.scriptBytes), kilobytes(row.htmlBytes)]),
    ),
  };
}
