// @ts-check
import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() (a real 403 page for a reader who opens a newsroom page).
  experimental: { authInterrupts: true },
  // Cached reads (lib/cache/shared-read.ts) live in each server's memory; tag
  // invalidations are shared between servers through PostgreSQL.
  cacheHandler: fileURLToPath(new URL("./lib/cache/shared-tag-cache-handler.mjs", import.meta.url)),
  // proxy.ts sets the security headers of pages and routes; the build's
  // static files, which it skips, need only this one.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
