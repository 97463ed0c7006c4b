// Requests sent byte for byte as written: node:http lets a test set any
// header (Host included) and any body, which browsers and fetch() refuse.
import { request as httpRequest } from "node:http";

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export type RawRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export function baseUrl(): URL {
  return new URL(`http://localhost:${process.env.E2E_PORT ?? 3100}`);
}

export function send({ method, path, headers = {}, body }: RawRequest, base = baseUrl()): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      // Redirects echo long queries in Location: more than Node's 16 KB default.
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: { connection: "close", ...headers },
        timeout: 60_000,
        maxHeaderSize: 1024 * 1024,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${method} ${path} timed out`)));
    outgoing.on("error", reject);
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
}

/**
 * Next.js answers a request that carries an RSC header without its `_rsc`
 * cache-busting parameter with a 307 to the same address with one, before
 * any route runs. A browser repeats the request there (method and body
 * kept), so the answer that counts is the one after that redirect.
 */
export async function sendPastCacheBuster(request: RawRequest, base = baseUrl()): Promise<RawResponse> {
  const response = await send(request, base);
  const location = typeof response.headers.location === "string" ? new URL(response.headers.location, base) : null;
  const requested = new URL(request.path, base);
  if (response.status !== 307 || !location || location.origin !== base.origin) return response;
  if (location.pathname !== requested.pathname || !location.searchParams.has("_rsc")) return response;
  return send({ ...request, path: `${location.pathname}${location.search}` }, base);
}

// What a stack trace or an internal path looks like in a response body.
const INTERNALS = [
  /\n\s+at [^\n]+:\d+:\d+/,
  /\bat (async )?[\w.<>]+ \([^)]*:\d+:\d+\)/,
  /node_modules\//,
  /\/\.next\/server\//,
  /webpack-internal:/,
  /PrismaClient\w*Error/,
  /Invalid `prisma\./,
];

/** The part of a body that gives the server's internals away, or null. */
export function internalsIn(body: string): string | null {
  for (const pattern of INTERNALS) {
    const match = pattern.exec(body);
    if (match) return body.slice(Math.max(0, match.index - 80), match.index + 120);
  }
  return null;
}
