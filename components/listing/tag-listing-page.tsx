import { notFound } from "next/navigation";
import { listByTag } from "@/lib/articles/article-queries";
import { getTag, type TagType } from "@/lib/articles/taxonomy-queries";
import { isPlausibleSlug, parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { ArticleListing } from "./article-listing";

const PATHS: Record<TagType, string> = { topic: "topics", region: "regions" };
const EYEBROWS: Record<TagType, string> = { topic: "Topic", region: "Region" };

/** The page of one topic or region: its articles, newest first. */
export async function TagListingPage({ type, slug, page }: { type: TagType; slug: string; page: SearchParamValue }) {
  const tag = isPlausibleSlug(slug) ? await getTag(type, slug) : null;
  if (!tag) notFound();
  const result = await listByTag(tag.id, parsePage(page));
  return (
    <ArticleListing
      eyebrow={EYEBROWS[type]}
      title={tag.name}
      description={tag.description}
      basePath={`/${PATHS[type]}/${tag.slug}`}
      result={result}
    />
  );
}

export async function tagMetadata(type: TagType, slug: string) {
  const tag = isPlausibleSlug(slug) ? await getTag(type, slug) : null;
  if (!tag) return { title: "Not found" };
  return {
    title: tag.name,
    description: tag.description,
    alternates: { canonical: `/${PATHS[type]}/${tag.slug}` },
  };
}
