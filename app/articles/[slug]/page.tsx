// GET /articles/{slug}: an article, whole or as a preview with the paywall panel.
import type { Metadata } from "next";
import { permanentRedirect } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { ArticleJsonLd } from "@/components/article/article-json-ld";
import { GiftArticlePanel } from "@/components/article/gift-article-panel";
import { GiftConfirmPanel } from "@/components/article/gift-confirm-panel";
import { GiftNote } from "@/components/article/gift-note";
import { MeterNote } from "@/components/article/meter-note";
import { PaywallPanel } from "@/components/article/paywall-panel";
import { RelatedArticles } from "@/components/article/related-articles";
import { HousePromotion } from "@/components/billing/house-promotion";
import { articlePageVariant, declarePageVariant } from "@/lib/access/article-page-variant";
import { currentGrant } from "@/lib/access/current-grant";
import { readArticleFor } from "@/lib/access/read-article";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { findRedirectedSlug } from "@/lib/articles/slug-redirects";
import { getReader } from "@/lib/auth/get-reader";
import { hasRole } from "@/lib/auth/roles";
import { codeErrorMessage } from "@/lib/auth/sign-in-code-errors";
import { giftForPage } from "@/lib/gifts/gift-for-page";
import { hasGiftParams } from "@/lib/gifts/gift-links";
import { mayGift } from "@/lib/gifts/send-gift";
import { isPlausibleSlug, type SearchParamValue } from "@/lib/http/search-params";
import { declareArticleView } from "@/lib/insights/article-view";
import { pageAddressOrganisations } from "@/lib/organisations/page-address-organisations";
import { heightAt, imagePath, widthFor } from "@/lib/media/media-files";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";
import { NOT_FOUND_METADATA, pageNotFound } from "@/components/site/page-not-found";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

async function findArticle(slug: string) {
  return isPlausibleSlug(slug) ? getArticleBySlug(slug) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const article = await findArticle((await params).slug);
  if (!article) return NOT_FOUND_METADATA;
  // A gift link's page is one browser's: never indexed (its canonical is the plain address).
  const gift = hasGiftParams(await searchParams);
  const path = `/articles/${article.slug}`;
  // The lead image is public wherever the article is (lib/access/media-access.ts).
  const lead = article.leadImage;
  const image = lead
    ? {
        url: imagePath(lead.key, widthFor(lead, 1200)),
        width: widthFor(lead, 1200),
        height: heightAt(lead, widthFor(lead, 1200)),
        alt: lead.alt,
      }
    : null;
  // Titles and deks only: meta tags are readable by anyone.
  return {
    title: article.title,
    description: article.dek,
    alternates: { canonical: path },
    ...(gift ? { robots: { index: false, follow: false } } : {}),
    openGraph: {
      type: "article",
      url: path,
      title: article.title,
      description: article.dek,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: article.authors.map((author) => author.name),
      tags: [...article.topics, ...article.regions].map((tag) => tag.name),
      ...(image ? { images: [image] } : {}),
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: article.title,
      description: article.dek,
      ...(image ? { images: [image] } : {}),
    },
  };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  sendPageWithoutScripts();
  const { slug } = await params;
  const query = await searchParams;
  // The decision with the preview (the same for everyone, cached until the
  // article changes) and, for a "full" decision only, the gated part. The
  // browser's instant-access grant counts for the one article it names, and
  // a gift link's token (?gift=) for its article once this browser opened it.
  const [reader, grant, gift] = await Promise.all([getReader(), currentGrant(), giftForPage(slug, query)]);
  const giftedArticleId = gift?.giftedArticleId;
  // A client address in an organisation's IP range reads whole; the page is then that browser's alone.
  const addressOrganisations = await pageAddressOrganisations();
  const read = isPlausibleSlug(slug)
    ? await readArticleFor(reader, slug, new Date(), { grant, giftedArticleId, addressOrganisations })
    : null;
  if (!read) {
    // A slug the article had before an editor changed it keeps working.
    const current = isPlausibleSlug(slug) ? await findRedirectedSlug(slug) : null;
    if (current) permanentRedirect(`/articles/${current}`);
    return pageNotFound();
  }
  const { article, access } = read;
  declarePageVariant(articlePageVariant(access, reader));
  const gated = access.decision.level === "preview" && read.hasGatedPart;
  // An organisation's IP range admits the address, not the account: this
  // browser reads everything here, so no meter line and no offer either.
  const readsEverything = access.subscriber || access.decision.reason === "organisation";
  declareArticleView({
    articleId: article.id,
    audience: !reader
      ? "anonymous"
      : hasRole(reader.role, "editor")
        ? "newsroom"
        : access.subscriber
          ? "subscriber"
          : "reader",
    panel: gated,
  });
  // Read through instant access, address not confirmed yet: the code field at the cut.
  const confirming = reader === null && access.decision.reason === "registration-gift" && grant !== null;

  return (
    <article className="article">
      <ArticleJsonLd article={article} />
      <ArticleHeader article={article} />
      {access.meter && !readsEverything && <MeterNote meter={access.meter} />}
      {gift && <GiftNote gift={gift} access={access} signedIn={reader !== null} />}
      <ArticleBody
        previewHtml={read.previewHtml}
        gatedMarkdown={read.gatedMarkdown}
        atCut={
          confirming && (
            <GiftConfirmPanel articleSlug={article.slug} email={grant.email} error={codeErrorMessage(query)} />
          )
        }
      />
      {gated && <PaywallPanel articleSlug={article.slug} access={access} />}
      {/* One offer, not two: the panel already makes it on a gated article. */}
      {!readsEverything && !gated && <HousePromotion slot="article" />}
      {reader && mayGift(access.decision, { free: article.free, hasGatedPart: read.hasGatedPart }) && (
        <GiftArticlePanel articleSlug={article.slug} reader={reader} query={query} />
      )}
      <RelatedArticles articleId={article.id} />
    </article>
  );
}
