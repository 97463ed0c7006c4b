// @ts-check
import { readFileSync } from "node:fs";

// The crawlers that get a page's metadata in <head> rather than streamed:
// Folio's own list, shared with the whole-page cache's key (lib/http/crawlers.ts).
const htmlLimitedBots = JSON.parse(readFileSync(new URL("./lib/http/html-limited-bots.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() (a real 403 page for a reader who opens a newsroom page).
  experimental: { authInterrupts: true },
  htmlLimitedBots: new RegExp(htmlLimitedBots.pattern, "i"),
  // proxy.ts sets the security headers of pages and routes; the build's
  // static files, which it skips, need only this one.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
