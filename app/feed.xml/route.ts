// GET /feed.xml: the latest articles as RSS, with their free previews only.
import { readArticlesFor } from "@/lib/access/read-article";
import { listLatest, type LeadImage } from "@/lib/articles/article-queries";
import { markdownToText } from "@/lib/articles/render-markdown";
import { env, publicUrl } from "@/lib/config/env";
import { renderRss } from "@/lib/feeds/rss";
import { heightAt, imagePath, widthFor } from "@/lib/media/media-files";

export const dynamic = "force-dynamic";

/** The lead image as feed readers want it: the stored WebP of about 960 pixels, its size and alt text. */
function feedImage(site: string, image: LeadImage) {
  const width = widthFor(image, 960);
  return {
    url: `${site}${imagePath(image.key, width)}`,
    width,
    height: heightAt(image, width),
    type: "image/webp",
    alt: image.alt,
  };
}

export async function GET() {
  const articles = await listLatest({ limit: 50 });
  // Read as an anonymous reader, and previews only: a feed reader is not
  // where whole articles are read, not even free ones.
  const texts = await readArticlesFor(null, articles, { maxLevel: "preview" });
  const site = publicUrl();
  const xml = renderRss({
    title: env().PUBLICATION_NAME,
    link: `${site}/`,
    description: "Daily analysis and in-depth reports on world affairs.",
    selfLink: `${site}/feed.xml`,
    items: articles.map((article) => ({
      title: article.title,
      link: `${site}/articles/${article.slug}`,
      description: [article.dek, markdownToText(texts.get(article.id)?.previewMarkdown ?? "")]
        .filter(Boolean)
        .join("\n\n"),
      publishedAt: article.publishedAt,
      authors: article.authors.map((author) => author.name),
      categories: [...article.topics, ...article.regions].map((tag) => tag.name),
      image: article.leadImage ? feedImage(site, article.leadImage) : undefined,
    })),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
