// GET /admin/readers/{id}: one reader's plan, unlocks, newsletters, comp access and role (admins).
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewsroomNotice } from "@/components/newsroom/newsroom-notice";
import { CompSection } from "@/components/newsroom/readers/comp-section";
import { ReaderDetails } from "@/components/newsroom/readers/reader-details";
import { READER_NOTICES } from "@/components/newsroom/readers/reader-notices";
import { RoleSection } from "@/components/newsroom/readers/role-section";
import { formatDate } from "@/lib/articles/format";
import type { SearchParamValue } from "@/lib/http/search-params";
import { getReaderProfile } from "@/lib/newsroom/readers/reader-profile";
import { requireRole } from "@/lib/newsroom/require-role";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reader" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, SearchParamValue>> };

export default async function ReaderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireRole("admin", `/admin/readers/${id}`);
  const profile = await getReaderProfile(actor, id);
  if (!profile) notFound();
  const { notice } = await searchParams;
  return (
    <div className="newsroom-reader">
      <p className="meta">
        <Link href="/admin/readers">All readers</Link>
      </p>
      <h1>{profile.email}</h1>
      <p className="meta">Joined {formatDate(profile.createdAt)}</p>
      <NewsroomNotice code={typeof notice === "string" ? notice : undefined} texts={READER_NOTICES} />
      <ReaderDetails profile={profile} />
      <CompSection readerId={profile.id} compUntil={profile.compUntil} running={profile.compRunning} />
      <RoleSection readerId={profile.id} role={profile.role} effectiveRole={profile.effectiveRole} />
    </div>
  );
}
