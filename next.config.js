// @ts-check
import { readFileSync } from "node:fs";

// The crawlers that get a page's metadata in <head> rather than streamed:
// Folio's own list, shared with the whole-page cache's key (lib/http/crawlers.ts).
const htmlLimitedBots = JSON.parse(readFileSync(new URL("./lib/http/html-limited-bots.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The server in front compresses every response, Brotli or gzip, pages from
  // its cache too (server/compress-response.ts).
  compress: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() (a real 403 page for a reader who opens a newsroom page).
    authInterrupts: true,
    // proxy.ts runs before every route, and Next.js then buffers the request
    // body up to this size and silently cuts the rest: room for the largest
    // image upload (MEDIA_MAX_MB, lib/media) and its form, and no more.
    proxyClientMaxBodySize: `${(Number(process.env.MEDIA_MAX_MB) || 20) + 1}mb`,
  },
  htmlLimitedBots: new RegExp(htmlLimitedBots.pattern, "i"),
  // proxy.ts sets the security headers of pages and routes; the build's
  // static files, which it skips, need only this one.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
