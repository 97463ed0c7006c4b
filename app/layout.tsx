// The site's frame: masthead, section navigation, footer. Fonts are served
// from this server (@fontsource packages), never fetched from a font CDN.
import "@fontsource-variable/source-serif-4";
import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { env, publicUrl } from "@/lib/config/env";

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
  return (
    <html lang="en">
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
