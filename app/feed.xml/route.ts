// GET /feed.xml: the latest articles as RSS, with their free previews only.
import { listLatest } from "@/lib/articles/article-queries";
import { loadPreviews } from "@/lib/articles/article-text";
import { markdownToText } from "@/lib/articles/render-markdown";
import { env, publicUrl } from "@/lib/config/env";
import { renderRss } from "@/lib/feeds/rss";

export const dynamic = "force-dynamic";

export async function GET() {
  const articles = await listLatest({ limit: 50 });
  const previews = await loadPreviews(articles.map((article) => article.id));
  const site = publicUrl();
  const xml = renderRss({
    title: env().PUBLICATION_NAME,
    link: `${site}/`,
    description: "Daily analysis and in-depth reports on world affairs.",
    selfLink: `${site}/feed.xml`,
    items: articles.map((article) => ({
      title: article.title,
      link: `${site}/articles/${article.slug}`,
      description: [article.dek, markdownToText(previews.get(article.id) ?? "")].filter(Boolean).join("\n\n"),
      publishedAt: article.publishedAt,
      authors: article.authors.map((author) => author.name),
      categories: [...article.topics, ...article.regions].map((tag) => tag.name),
    })),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
