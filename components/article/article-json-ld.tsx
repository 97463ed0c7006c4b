import type { ArticleSummary } from "@/lib/articles/article-queries";
import { env, publicUrl } from "@/lib/config/env";
import { imagePath, widthFor } from "@/lib/media/media-files";
import { GATED_SECTION_CLASS } from "./article-body";

/** NewsArticle structured data with Google's paywalled-content markup. It
 *  describes the article; it never carries its text. */
export function ArticleJsonLd({ article }: { article: ArticleSummary }) {
  const url = `${publicUrl()}/articles/${article.slug}`;
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.dek,
    url,
    mainEntityOfPage: url,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    articleSection: article.topics.map((topic) => topic.name),
    author: article.authors.map((author) => ({
      "@type": "Person",
      name: author.name,
      url: `${publicUrl()}/authors/${author.slug}`,
    })),
    ...(article.leadImage
      ? { image: [`${publicUrl()}${imagePath(article.leadImage.key, widthFor(article.leadImage, 1200))}`] }
      : {}),
    publisher: {
      "@type": "Organization",
      name: env().PUBLICATION_NAME,
      url: publicUrl(),
      logo: { "@type": "ImageObject", url: env().PUBLISHER_LOGO_URL ?? `${publicUrl()}/logo.png` },
    },
    isAccessibleForFree: article.free,
    ...(article.free
      ? {}
      : {
          hasPart: {
            "@type": "WebPageElement",
            isAccessibleForFree: false,
            cssSelector: `.${GATED_SECTION_CLASS}`,
          },
        }),
  };
  // "<" is escaped so that no string in the data can close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
