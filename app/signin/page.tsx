// GET /signin: where "Keep reading for free" and "Log in" lead. Email sign-in
// is the next piece of work; until it lands this page says what it will do.
import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, SearchParamValue>> }) {
  const query = await searchParams;
  const returnTo = safeReturnPath(query.callbackUrl);
  return (
    <div className="message-page">
      <p className="kicker">Sign in</p>
      <h1>Sign in with your email address</h1>
      <p>
        There is no password. You will enter your email address and we will send you a link; opening it signs you in
        and brings you back to what you were reading.
      </p>
      <p>
        Signed in, you choose {env().FREE_ARTICLES_PER_MONTH} articles each month to read in full, receive the free
        newsletter, and subscribers read everything.
      </p>
      <p className="notice" role="status">
        Email sign-in is being switched on and is not available yet. Nothing was sent and no address was stored.
      </p>
      <p>
        <Link href={returnTo}>← Back to where you were</Link>
      </p>
    </div>
  );
}
