// GET /gift/{token}: a gift link followed. Records the open (this browser's
// first gives it its random gift cookie: a page cannot set one while it
// renders) and goes on to the article with the token, where the page shows
// the whole article, or the preview with a sentence saying why not (an
// altered token too, on the article it names). One that names no published
// article goes to /gift, which says so.
import { NextResponse, type NextRequest } from "next/server";
import { getReader } from "@/lib/auth/get-reader";
import { asBrowserId, browserCookie, browserCookieName, newBrowserId } from "@/lib/gifts/browser-id";
import { giftedArticlePath } from "@/lib/gifts/gift-links";
import { openGift } from "@/lib/gifts/open-gift";
import { servedOverHttps } from "@/lib/http/request-security";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const go = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);
  const secure = servedOverHttps(request.headers);
  const known = asBrowserId(request.cookies.get(browserCookieName(secure))?.value);
  const browserId = known ?? newBrowserId();
  const reader = await getReader();
  const result = await openGift(token, browserId, reader?.id ?? null);
  if (result.kind === "invalid") return go(result.slug ? giftedArticlePath(result.slug, token) : "/gift");
  const response = go(giftedArticlePath(result.slug, token));
  // Only a browser the gift opened in needs to be known again.
  if (result.kind === "opened" && known === null) response.cookies.set(browserCookie(browserId, secure));
  return response;
}
