// The end of a sign-in by email, by link (the confirmation page's button) or
// by code: Auth.js's own email callback checks and uses the token, creates
// the account at a first sign-in and sets the session cookie. Only these
// POSTs reach it, so a mail scanner fetching the link signs nobody in.
import { NextRequest, NextResponse } from "next/server";
import { handlers } from "./auth";
import { forgetSignInCode } from "./sign-in-codes";

export type CompletedSignIn = { ok: boolean; response: NextResponse };

export async function completeEmailSignIn(
  request: NextRequest,
  { token, email, callbackUrl }: { token: string; email: string; callbackUrl: string },
): Promise<CompletedSignIn> {
  const callback = new URL("/api/auth/callback/email", request.nextUrl.origin);
  callback.searchParams.set("token", token);
  callback.searchParams.set("email", email);
  callback.searchParams.set("callbackUrl", callbackUrl);
  const answer = await handlers.GET(new NextRequest(callback, { headers: request.headers }));
  const location = answer.headers.get("location");
  // Auth.js sends a used or expired token to the error page (/signin?error=…).
  const target = location ? new URL(location, request.nextUrl.origin) : null;
  const ok = answer.status === 302 && target !== null && !target.searchParams.has("error");
  // The link and the code are one sign-in: using either ends the other.
  if (ok) await forgetSignInCode(email);
  // A POST answered with 302 is followed with GET by browsers; 303 says so.
  const response =
    answer.status === 302
      ? new NextResponse(null, { status: 303, headers: answer.headers })
      : new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
  return { ok, response };
}
