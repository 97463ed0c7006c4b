// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() (a real 403 page for a reader who opens a newsroom page).
  experimental: { authInterrupts: true },
  // proxy.ts sets the security headers of pages and routes; the build's
  // static files, which it skips, need only this one.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
