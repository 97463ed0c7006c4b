// GET /api/me: the reader's access summary (signed in or not, plan, meter).
// All-Access is the plan whether paid, complimentary or through an
// organisation; `compUntil` and `organisations` say which.
import { NextResponse } from "next/server";
import { hasComp, isSubscriber, runningOrganisations } from "@/lib/access/article-access";
import { readMeter } from "@/lib/access/reader-meter";
import { getReader } from "@/lib/auth/get-reader";

export const dynamic = "force-dynamic";

export async function GET() {
  const reader = await getReader();
  const headers = { "Cache-Control": "private, no-store" };
  if (!reader) return NextResponse.json({ signedIn: false }, { headers });
  const [meter, subscriber, organisations] = await Promise.all([
    readMeter(reader),
    isSubscriber(reader),
    runningOrganisations(reader),
  ]);
  return NextResponse.json(
    {
      signedIn: true,
      email: reader.email,
      plan: subscriber || organisations.length > 0 ? "all-access" : "free",
      compUntil: hasComp(reader) ? reader.compUntil?.toISOString() : null,
      // `until`: the end of the organisation's last day (exclusive).
      organisations: organisations.map((organisation) => ({
        name: organisation.name,
        until: organisation.endsAt.toISOString(),
      })),
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
