// GET /sitemap.xml: every published article, topic, region and author page.
import type { MetadataRoute } from "next";
import { listAllForSitemap } from "@/lib/articles/article-queries";
import { listAuthorSlugs, listTags } from "@/lib/articles/taxonomy-queries";
import { publicUrl } from "@/lib/config/env";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = publicUrl();
  const [articles, topics, regions, authors] = await Promise.all([
    listAllForSitemap(),
    listTags("topic"),
    listTags("region"),
    listAuthorSlugs(),
  ]);
  return [
    { url: `${site}/`, changeFrequency: "hourly" },
    { url: `${site}/archive`, changeFrequency: "hourly" },
    ...topics.map((tag) => ({ url: `${site}/topics/${tag.slug}` })),
    ...regions.map((tag) => ({ url: `${site}/regions/${tag.slug}` })),
    ...authors.map((slug) => ({ url: `${site}/authors/${slug}` })),
    ...articles.map((article) => ({ url: `${site}/articles/${article.slug}`, lastModified: article.updatedAt })),
  ];
}
