// GET /authors/{slug}: an author's biography and articles, newest first.
import type { Metadata } from "next";
import { ArticleListing } from "@/components/listing/article-listing";
import { listByAuthor } from "@/lib/articles/article-queries";
import { getAuthor } from "@/lib/articles/taxonomy-queries";
import { pagePath, pageTitle } from "@/lib/http/page-path";
import { isPlausibleSlug, parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";
import { NOT_FOUND_METADATA, pageNotFound } from "@/components/site/page-not-found";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

async function findAuthor(slug: string) {
  return isPlausibleSlug(slug) ? getAuthor(slug) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const author = await findAuthor(slug);
  if (!author) return NOT_FOUND_METADATA;
  const page = parsePage(query.page);
  return {
    title: pageTitle(author.name, page),
    description: author.bio,
    alternates: { canonical: pagePath(`/authors/${author.slug}`, page) },
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  sendPageWithoutScripts();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const author = await findAuthor(slug);
  if (!author) return pageNotFound();
  const result = await listByAuthor(author.id, parsePage(query.page));
  return (
    <ArticleListing
      eyebrow={author.role || "Author"}
      title={author.name}
      description={author.bio}
      basePath={`/authors/${author.slug}`}
      result={result}
    />
  );
}
