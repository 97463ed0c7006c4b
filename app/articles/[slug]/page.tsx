// GET /articles/{slug}: an article, whole or as a preview with the paywall panel.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { ArticleJsonLd } from "@/components/article/article-json-ld";
import { PaywallPanel } from "@/components/article/paywall-panel";
import { RelatedArticles } from "@/components/article/related-articles";
import { HousePromotion } from "@/components/billing/house-promotion";
import { readArticleFor } from "@/lib/access/read-article";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { findRedirectedSlug } from "@/lib/articles/slug-redirects";
import { getReader } from "@/lib/auth/get-reader";
import { isPlausibleSlug } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function findArticle(slug: string) {
  return isPlausibleSlug(slug) ? getArticleBySlug(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await findArticle((await params).slug);
  if (!article) return { title: "Not found" };
  const path = `/articles/${article.slug}`;
  // Titles and deks only: meta tags are readable by anyone.
  return {
    title: article.title,
    description: article.dek,
    alternates: { canonical: path },
    openGraph: {
      type: "article",
      url: path,
      title: article.title,
      description: article.dek,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: article.authors.map((author) => author.name),
      tags: [...article.topics, ...article.regions].map((tag) => tag.name),
    },
    twitter: { card: "summary", title: article.title, description: article.dek },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  // The decision with the preview (the same for everyone, cached until the
  // article changes) and, for a "full" decision only, the gated part.
  const read = isPlausibleSlug(slug) ? await readArticleFor(await getReader(), slug) : null;
  if (!read) {
    // A slug the article had before an editor changed it keeps working.
    const current = isPlausibleSlug(slug) ? await findRedirectedSlug(slug) : null;
    if (current) permanentRedirect(`/articles/${current}`);
    notFound();
  }
  const { article, access } = read;

  return (
    <article className="article">
      <ArticleJsonLd article={article} />
      <ArticleHeader article={article} />
      <ArticleBody previewHtml={read.previewHtml} gatedMarkdown={read.gatedMarkdown} />
      {access.decision.level === "preview" && read.hasGatedPart && (
        <PaywallPanel articleSlug={article.slug} access={access} />
      )}
      {!access.subscriber && <HousePromotion slot="article" />}
      <RelatedArticles articleId={article.id} />
    </article>
  );
}
