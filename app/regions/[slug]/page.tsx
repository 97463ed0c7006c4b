// GET /regions/{slug}: the articles of one region, newest first, paginated.
import type { Metadata } from "next";
import { TagListingPage, tagMetadata } from "@/components/listing/tag-listing-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return tagMetadata("region", slug, query.page);
}

export default async function RegionPage({ params, searchParams }: Props) {
  sendPageWithoutScripts();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return <TagListingPage type="region" slug={slug} page={query.page} />;
}
