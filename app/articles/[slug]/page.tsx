// GET /articles/{slug}: an article, whole or as a preview with the paywall panel.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { ArticleJsonLd } from "@/components/article/article-json-ld";
import { PaywallPanel } from "@/components/article/paywall-panel";
import { HousePromotion } from "@/components/billing/house-promotion";
import { accessForArticle } from "@/lib/access/article-access";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { loadGatedMarkdown, loadRenderedPreview } from "@/lib/articles/article-text";
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
  const article = await findArticle(slug);
  if (!article) {
    // A slug the article had before an editor changed it keeps working.
    const current = isPlausibleSlug(slug) ? await findRedirectedSlug(slug) : null;
    if (current) permanentRedirect(`/articles/${current}`);
    notFound();
  }

  // The preview is the same for everyone (cached until the article changes);
  // the decision and the gated part are this reader's, read per request.
  const [access, preview] = await Promise.all([
    getReader().then((reader) => accessForArticle(reader, article)),
    loadRenderedPreview(article.id),
  ]);
  const gatedMarkdown =
    access.decision.level === "full" && preview?.hasGatedPart ? await loadGatedMarkdown(article.id) : null;
  if (!preview) notFound();

  return (
    <article className="article">
      <ArticleJsonLd article={article} />
      <ArticleHeader article={article} />
      <ArticleBody previewHtml={preview.previewHtml} gatedMarkdown={gatedMarkdown} />
      {access.decision.level === "preview" && preview.hasGatedPart && (
        <PaywallPanel articleSlug={article.slug} access={access} />
      )}
      {!access.subscriber && <HousePromotion slot="article" />}
    </article>
  );
}
