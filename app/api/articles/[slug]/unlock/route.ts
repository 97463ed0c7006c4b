// POST /api/articles/{slug}/unlock: spend one of this month's free articles.
import { NextResponse } from "next/server";
import { unlockArticleBySlug } from "@/lib/access/unlock-article";
import { withReader } from "@/lib/auth/with-reader";

export const POST = withReader<{ slug: string }>(async (_request, { reader, params }) => {
  const result = await unlockArticleBySlug(reader, params.slug);
  switch (result.kind) {
    case "not-found":
      return NextResponse.json({ error: "not_found" }, { status: 404 });
    case "no-account":
      // Deleted between reading the session and spending: as if signed out.
      return NextResponse.json({ error: "not_signed_in" }, { status: 401 });
    case "quota-exhausted":
      return NextResponse.json(
        { error: "quota_exhausted", remaining: 0, resetsAt: result.meter.resetsAt.toISOString() },
        { status: 402 },
      );
    case "unlocked":
    case "already-unlocked":
    case "free-article":
    case "subscriber":
      return NextResponse.json({
        unlocked: true,
        remaining: result.meter.remaining,
        resetsAt: result.meter.resetsAt.toISOString(),
      });
  }
});
