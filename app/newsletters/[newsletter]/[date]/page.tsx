// GET /newsletters/{newsletter}/{YYYY-MM-DD}: a sent issue on the web, showing
// each reader what the access decision lets them read.
import type { Metadata } from "next";
import { ArchivedIssueView } from "@/components/newsletters/archived-issue-view";
import { getReader } from "@/lib/auth/get-reader";
import { getArchivedIssue } from "@/lib/newsletters/issue-archive";
import { newsletterBySlug } from "@/lib/newsletters/newsletter-catalog";
import { issueLabel } from "@/lib/newsletters/render-issue";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";
import { pageNotFound } from "@/components/site/page-not-found";

export const dynamic = "force-dynamic";

type Params = { newsletter: string; date: string };

async function find(params: Promise<Params>) {
  const { newsletter, date } = await params;
  const info = newsletterBySlug(newsletter);
  if (!info || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return null;
  return getArchivedIssue(info.key, date);
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { newsletter, date } = await params;
  const info = newsletterBySlug(newsletter);
  if (!info || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return {};
  return { title: `${info.name}, ${issueLabel(date)}`, alternates: { canonical: `/newsletters/${info.slug}/${date}` } };
}

export default async function ArchivedIssuePage({ params }: { params: Promise<Params> }) {
  sendPageWithoutScripts();
  const issue = await find(params);
  if (!issue) return pageNotFound();
  return <ArchivedIssueView issue={issue} reader={await getReader()} />;
}
