// GET /archive: every published article, newest first, paginated.
import type { Metadata } from "next";
import { ArticleListing } from "@/components/listing/article-listing";
import { listArchive } from "@/lib/articles/article-queries";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Archive", alternates: { canonical: "/archive" } };

export default async function ArchivePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const result = await listArchive(parsePage((await searchParams).page));
  return <ArticleListing eyebrow="Archive" title="All articles" basePath="/archive" result={result} />;
}
