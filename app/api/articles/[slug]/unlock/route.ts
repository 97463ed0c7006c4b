// POST /api/articles/{slug}/unlock: spend one of this month's free articles.
// The web server answers most of these itself (server/unlock-requests.ts),
// with the same lib functions; this route answers the rest.
import { NextResponse } from "next/server";
import { unlockAnswer, unlockArticleBySlug } from "@/lib/access/unlock-article";
import { withReader } from "@/lib/auth/with-reader";

export const POST = withReader<{ slug: string }>(async (_request, { reader, params }) => {
  const { status, body } = unlockAnswer(await unlockArticleBySlug(reader, params.slug));
  return NextResponse.json(body, { status });
});
