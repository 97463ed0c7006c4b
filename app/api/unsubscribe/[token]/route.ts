// POST /api/unsubscribe/{token}: unsubscribe from one newsletter with the
// signed link, no session needed. This is the List-Unsubscribe address of
// every newsletter (RFC 8058 one-click: the mail provider POSTs
// "List-Unsubscribe=One-Click" from its own servers, so no cross-site check
// applies; the signed token is the authority), and where the confirmation
// page's button posts. GET /api/unsubscribe/{token}: the confirmation page.
import { NextResponse } from "next/server";
import { NEWSLETTER_CATALOG } from "@/lib/newsletters/newsletter-catalog";
import { unsubscribeWithLink, type UnsubscribeOutcome } from "@/lib/newsletters/unsubscribe";

type Params = { token: string };
const NO_STORE = { "Cache-Control": "private, no-store" };
const MAX_BYTES = 16 * 1024;

function sentence(outcome: UnsubscribeOutcome): string {
  switch (outcome.kind) {
    case "unsubscribed":
      return `You are unsubscribed from ${NEWSLETTER_CATALOG[outcome.newsletter].name}.`;
    case "already":
      return `You were already unsubscribed from ${NEWSLETTER_CATALOG[outcome.newsletter].name}; nothing changed.`;
    case "expired":
      return "This unsubscribe link has expired. Sign in and choose your newsletters on your account page.";
    case "invalid":
      return "This unsubscribe link is not valid. Sign in and choose your newsletters on your account page.";
  }
}

export async function GET(request: Request, { params }: { params: Promise<Params> }): Promise<Response> {
  const { token } = await params;
  return NextResponse.redirect(new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url), 303);
}

export async function POST(request: Request, { params }: { params: Promise<Params> }): Promise<Response> {
  const { token } = await params;
  const declared = Number(request.headers.get("content-length") ?? 0);
  const body = declared > MAX_BYTES ? "" : await request.text().catch(() => "");
  const outcome = await unsubscribeWithLink(token);
  const ok = outcome.kind === "unsubscribed" || outcome.kind === "already";
  // The confirmation page's button: back to the page, which shows the result.
  if (new URLSearchParams(body).get("confirm") === "yes") {
    const page = new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url);
    page.searchParams.set("result", outcome.kind);
    return NextResponse.redirect(page, 303);
  }
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (wantsJson) {
    return NextResponse.json(
      { ok, result: outcome.kind, message: sentence(outcome) },
      { status: ok ? 200 : 400, headers: NO_STORE },
    );
  }
  return new NextResponse(`${sentence(outcome)}\n`, {
    status: ok ? 200 : 400,
    headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" },
  });
}
