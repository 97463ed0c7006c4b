// GET /authors/{slug}: an author's biography and articles, newest first.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleListing } from "@/components/listing/article-listing";
import { listByAuthor } from "@/lib/articles/article-queries";
import { getAuthor } from "@/lib/articles/taxonomy-queries";
import { isPlausibleSlug, parsePage, type SearchParamValue } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

async function findAuthor(slug: string) {
  return isPlausibleSlug(slug) ? getAuthor(slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await findAuthor((await params).slug);
  if (!author) return { title: "Not found" };
  return { title: author.name, description: author.bio, alternates: { canonical: `/authors/${author.slug}` } };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const author = await findAuthor(slug);
  if (!author) notFound();
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
