// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() (a real 403 page for a reader who opens a newsroom page).
  experimental: { authInterrupts: true },
};

export default nextConfig;
