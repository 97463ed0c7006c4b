// GET /subscribe/return?session_id=…: Stripe Checkout's success_url. Sends
// the buyer on: to the article they subscribed from once the webhook has
// stored the subscription, or to /subscribe/success, which says what is
// happening (confirming, or how to sign in). A visitor whose purchase
// created their account is signed in here, once, and only in the browser
// that started the checkout (its nonce cookie). It grants no access: the
// webhook does (docs/billing.md).
import { NextResponse, type NextRequest } from "next/server";
import { getReader } from "@/lib/auth/get-reader";
import { authCookies } from "@/lib/auth/auth-cookies";
import { createDatabaseSession } from "@/lib/auth/sessions";
import { CHECKOUT_NONCE_COOKIE, CHECKOUT_NONCE_COOKIE_PATH, nonceMatches } from "@/lib/billing/checkout-nonce";
import { claimBuyerSignIn, readCheckoutReturn } from "@/lib/billing/checkout-return";
import { subscribePath } from "@/lib/billing/return-target";
import { servedOverHttps } from "@/lib/http/request-security";

function successPage(query: Record<string, string>): string {
  return `/subscribe/success?${new URLSearchParams(query).toString()}`;
}

export async function GET(request: NextRequest) {
  const sessionId = request.nextUrl.searchParams.get("session_id");
  const go = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);
  const found = await readCheckoutReturn(sessionId);
  if (found.state === "unknown") return go(successPage({ status: "unknown" }));
  const next = found.returnTo;
  if (found.state === "unpaid") return go(subscribePath({ from: next, path: next }, { canceled: "1" }));
  if (found.state === "pending") return go(successPage({ session_id: sessionId!, status: "pending" }));

  // From here the purchase is settled: the nonce has done its job, whatever
  // follows, and a later purchase in this browser gets a fresh one.
  const secure = servedOverHttps(request.headers);
  const settled = (response: NextResponse) => {
    response.cookies.set(CHECKOUT_NONCE_COOKIE, "", {
      path: CHECKOUT_NONCE_COOKIE_PATH,
      maxAge: 0,
      httpOnly: true,
      sameSite: "lax",
      secure,
    });
    return response;
  };
  const reader = await getReader();
  if (reader?.id === found.ownerId) return settled(go(next));
  if (reader) return settled(go(successPage({ status: "other-account", next })));
  const cookie = request.cookies.get(CHECKOUT_NONCE_COOKIE)?.value;
  if (
    found.buyer?.createdAccount &&
    nonceMatches(cookie, found.nonceHash) &&
    (await claimBuyerSignIn(found.subscriptionId))
  ) {
    const session = await createDatabaseSession(found.ownerId);
    const response = go(next);
    const sessionCookie = authCookies(secure).sessionToken;
    response.cookies.set(sessionCookie.name, session.token, { ...sessionCookie.options, expires: session.expires });
    return settled(response);
  }
  // An account that existed before: its owner confirms the address first.
  // Otherwise another browser, or a return already used: sign in by link.
  const status = found.buyer && !found.buyer.createdAccount ? "confirm-email" : "sign-in";
  return settled(go(successPage({ status, next })));
}
