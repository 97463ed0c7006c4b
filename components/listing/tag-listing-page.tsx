import { listByTag } from "@/lib/articles/article-queries";
import { getTag, type TagType } from "@/lib/articles/taxonomy-queries";
import { pagePath, pageTitle } from "@/lib/http/page-path";
import { isPlausibleSlug, parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { ArticleListing } from "./article-listing";
import { NOT_FOUND_METADATA, pageNotFound } from "@/components/site/page-not-found";

const PATHS: Record<TagType, string> = { topic: "topics", region: "regions" };
const EYEBROWS: Record<TagType, string> = { topic: "Topic", region: "Region" };

/** The page of one topic or region: its articles, newest first. */
export async function TagListingPage({ type, slug, page }: { type: TagType; slug: string; page: SearchParamValue }) {
  const tag = isPlausibleSlug(slug) ? await getTag(type, slug) : null;
  if (!tag) return pageNotFound();
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

/** Each page of the listing is its own canonical (lib/http/page-path.ts). */
export async function tagMetadata(type: TagType, slug: string, page: SearchParamValue) {
  const tag = isPlausibleSlug(slug) ? await getTag(type, slug) : null;
  if (!tag) return NOT_FOUND_METADATA;
  const number = parsePage(page);
  return {
    title: pageTitle(tag.name, number),
    description: tag.description,
    alternates: { canonical: pagePath(`/${PATHS[type]}/${tag.slug}`, number) },
  };
}
