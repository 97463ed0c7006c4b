// GET /signin/check-email: shown after a link was requested. It reads the
// same for every address, known or not, and takes the emailed code here, so
// that confirming never needs a second tab.
import type { Metadata } from "next";
import { SignInCodeForm } from "@/components/auth/sign-in-code-form";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { codeErrorMessage } from "@/lib/auth/sign-in-code-errors";
import { env } from "@/lib/config/env";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import type { SearchParamValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const query = await searchParams;
  const email = typeof query.email === "string" ? normalizeEmail(query.email.slice(0, 320)) : null;
  const callbackUrl = safeReturnPath(query.callbackUrl);
  const here = `/signin/check-email?${new URLSearchParams({ email: email ?? "", callbackUrl }).toString()}`;
  return (
    <div className="message-page">
      <p className="kicker">Sign in</p>
      <h1>Check your email</h1>
      <p>
        We sent a 6-digit code and a sign-in link to <strong>{email ?? "your inbox"}</strong>. Enter the code here, or
        open the link on this device; they expire in {env().SIGNIN_LINK_MINUTES} minutes and work once.
      </p>
      {email && <SignInCodeForm email={email} returnTo={here} error={codeErrorMessage(query)} />}
      <p className="meta">Nothing there after a few minutes? Look in your spam folder, or ask for a new email.</p>
    </div>
  );
}
