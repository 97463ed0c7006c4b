// GET /api/me: the reader's access summary (signed in or not, plan, meter).
import { NextResponse } from "next/server";
import { hasComp, isSubscriber } from "@/lib/access/article-access";
import { readMeter } from "@/lib/access/reader-meter";
import { getReader } from "@/lib/auth/get-reader";

export const dynamic = "force-dynamic";

export async function GET() {
  const reader = await getReader();
  const headers = { "Cache-Control": "private, no-store" };
  if (!reader) return NextResponse.json({ signedIn: false }, { headers });
  const [meter, subscriber] = await Promise.all([readMeter(reader), isSubscriber(reader)]);
  return NextResponse.json(
    {
      signedIn: true,
      email: reader.email,
      plan: subscriber ? "all-access" : "free",
      compUntil: hasComp(reader) ? reader.compUntil?.toISOString() : null,
      freeArticles: {
        used: meter.used,
        limit: meter.limit,
        remaining: meter.remaining,
        resetsAt: meter.resetsAt.toISOString(),
      },
    },
    { headers },
  );
}
