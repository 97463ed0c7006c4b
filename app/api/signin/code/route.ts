// POST /api/signin/code: the code field beside an instant-access article and
// on "Check your email". The right code signs in as the emailed link would
// and lands where the link would; anything else goes back to the page with
// the form, which says what was wrong (a plain form: no JavaScript needed).
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { confirmRegistrationGift } from "@/lib/access/registration-gifts";
import { completeEmailSignIn } from "@/lib/auth/complete-email-sign-in";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { currentBrowserId } from "@/lib/gifts/browser-id";
import { recordGiftSignUp } from "@/lib/gifts/gift-sign-up";
import { checkSignInCode, SIGN_IN_CODE_PATTERN } from "@/lib/auth/sign-in-codes";
import { codeErrorPath, type CodeError } from "@/lib/auth/sign-in-code-errors";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { refuseCrossSite } from "@/lib/http/same-origin";

const form = z.object({
  email: z.string().max(1000).default(""),
  code: z.string().max(100).default(""),
  returnTo: z.string().max(2000).optional(),
});

export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const fields = await request.formData().then(
    (data) => Object.fromEntries([...data.entries()].filter(([, value]) => typeof value === "string")),
    () => ({}),
  );
  const parsed = form.safeParse(fields);
  const returnTo = safeReturnPath(parsed.success ? parsed.data.returnTo : undefined);
  const back = (error: CodeError) =>
    NextResponse.redirect(new URL(codeErrorPath(returnTo, error), request.nextUrl.origin), 303);
  const email = parsed.success ? normalizeEmail(parsed.data.email) : null;
  // Spaces and dashes are how people copy codes; anything else is a typo.
  const code = parsed.success ? parsed.data.code.replace(/[\s-]/g, "") : "";
  if (!email) return back("expired");
  if (!SIGN_IN_CODE_PATTERN.test(code)) return back("format");
  const check = await checkSignInCode(email, code);
  if (!check.ok) return back(check.reason);
  const { ok, response } = await completeEmailSignIn(request, {
    token: check.token,
    email,
    callbackUrl: safeReturnPath(check.callbackUrl),
  });
  // The link was used (or expired) first: the code went with it.
  if (!ok) return back("expired");
  await confirmRegistrationGift(email);
  // An account made in a browser that opened a gift link counts for the gift (insights).
  await recordGiftSignUp(email, await currentBrowserId());
  return response;
}
