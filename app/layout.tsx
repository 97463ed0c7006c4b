// The site's frame: masthead, section navigation, footer. Fonts are served
// from this server (files from the @fontsource packages), never fetched from
// a font CDN.
import "./globals.css";
import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { env, publicUrl } from "@/lib/config/env";
import { releaseRenderWhenDone } from "@/lib/http/release-render-when-done";

// Only the Latin subset of each font (about 50 KB each; English text needs no
// more). `optional`: the text is drawn at once in a local serif or
// sans-serif sized to the font's metrics; the font is used if it arrives in
// the first moment (it is cached after the first page), and is never
// swapped in later, so nothing waits for it and no line moves. Characters
// outside the subset are drawn in that local fallback. (Next.js 16 puts its
// font preload hints only in the RSC payload here, not in <head>, so a
// preload would not help.)
const sourceSerif = localFont({
  src: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
  weight: "200 900",
  display: "optional",
  variable: "--font-serif-face",
  adjustFontFallback: "Times New Roman",
});
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  display: "optional",
  variable: "--font-sans-face",
  adjustFontFallback: "Arial",
});

export function generateMetadata(): Metadata {
  const name = env().PUBLICATION_NAME;
  return {
    metadataBase: new URL(publicUrl()),
    title: { default: name, template: `%s | ${name}` },
    description: "Daily analysis and in-depth reports on world affairs.",
    alternates: { types: { "application/rss+xml": "/feed.xml" } },
    openGraph: { siteName: name, type: "website" },
  };
}

// The masthead's navigation is read from the database on every request; no
// page, not even the 404 page, is prerendered at build time.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  releaseRenderWhenDone();
  return (
    <html lang="en" className={`${sourceSerif.variable} ${inter.variable}`}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="main">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
