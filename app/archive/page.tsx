// GET /archive: every published article, newest first, paginated.
import type { Metadata } from "next";
import { ArticleListing } from "@/components/listing/article-listing";
import { listArchive } from "@/lib/articles/article-queries";
import { pagePath, pageTitle } from "@/lib/http/page-path";
import { parsePage, type SearchParamValue } from "@/lib/http/search-params";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, SearchParamValue>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = parsePage((await searchParams).page);
  return { title: pageTitle("Archive", page), alternates: { canonical: pagePath("/archive", page) } };
}

export default async function ArchivePage({ searchParams }: Props) {
  sendPageWithoutScripts();
  const result = await listArchive(parsePage((await searchParams).page));
  return <ArticleListing eyebrow="Archive" title="All articles" basePath="/archive" result={result} />;
}
