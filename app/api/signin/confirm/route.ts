// POST /api/signin/confirm: the button on the confirmation page. Only this
// POST uses the emailed token (through Auth.js's callback), so a mail scanner
// that fetches the link itself does not sign anyone in or burn the link.
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { confirmRegistrationGift } from "@/lib/access/registration-gifts";
import { completeEmailSignIn } from "@/lib/auth/complete-email-sign-in";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { currentBrowserId } from "@/lib/gifts/browser-id";
import { recordGiftSignUp } from "@/lib/gifts/gift-sign-up";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { refuseCrossSite } from "@/lib/http/same-origin";

const form = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/),
  email: z.string().max(320),
  callbackUrl: z.string().max(2000).optional(),
});

export async function POST(request: NextRequest) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const fields = await request.formData().then(
    (data) => Object.fromEntries([...data.entries()].filter(([, value]) => typeof value === "string")),
    () => ({}),
  );
  const parsed = form.safeParse(fields);
  const email = parsed.success ? normalizeEmail(parsed.data.email) : null;
  if (!parsed.success || !email) {
    return NextResponse.redirect(new URL("/signin?error=Verification", request.nextUrl.origin), 303);
  }
  const { ok, response } = await completeEmailSignIn(request, {
    token: parsed.data.token,
    email,
    callbackUrl: safeReturnPath(parsed.data.callbackUrl),
  });
  if (ok) await confirmRegistrationGift(email);
  // An account made in a browser that opened a gift link counts for the gift (insights).
  if (ok) await recordGiftSignUp(email, await currentBrowserId());
  return response;
}
