// GET /robots.txt
import type { MetadataRoute } from "next";
import { publicUrl } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/account", "/admin", "/signin"] },
    sitemap: `${publicUrl()}/sitemap.xml`,
  };
}
