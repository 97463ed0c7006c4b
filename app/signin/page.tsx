// GET /signin: sign in (or sign up) with an emailed link; no password.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { getReader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// Auth.js sends readers here with ?error=... when a link cannot be used.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Enter your email address for a new one.",
  EmailSignin: "We could not send the sign-in email just now. Please try again in a moment.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const query = await searchParams;
  const returnTo = safeReturnPath(query.callbackUrl);
  if (await getReader()) redirect(returnTo);
  const error = typeof query.error === "string" ? (ERRORS[query.error] ?? ERRORS.EmailSignin) : undefined;
  const email = typeof query.email === "string" ? query.email.slice(0, 254) : undefined;
  return (
    <div className="message-page">
      <p className="kicker">Sign in</p>
      <h1>Sign in with your email address</h1>
      {query.signedOut === "everywhere" && (
        <p className="notice" role="status">
          You are signed out on every device.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p>
        There is no password. Enter your email address and we will send you a link; opening it signs you in and brings
        you back to what you were reading. New readers get an account the same way.
      </p>
      <EmailSignInForm
        source="signin"
        callbackUrl={returnTo}
        defaultEmail={email}
        submitLabel="Email me a link"
        permalink={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}
      />
      <p className="meta">
        Signed in, you choose {env().FREE_ARTICLES_PER_MONTH} articles each month to read in full; subscribers read
        everything.
      </p>
    </div>
  );
}
