// GET /signin/confirm: where the emailed link leads. Opening it changes
// nothing (mail scanners open links); the button signs in.
import type { Metadata } from "next";
import Link from "next/link";
import type { SearchParamValue } from "@/lib/http/search-params";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false }, referrer: "no-referrer" };

const text = (value: SearchParamValue) => (typeof value === "string" ? value.slice(0, 320) : "");

export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const query = await searchParams;
  const token = text(query.token);
  const email = text(query.email);
  if (!token || !email) {
    return (
      <div className="message-page">
        <h1>This sign-in link is incomplete</h1>
        <p>
          Please open the link from the email again, or <Link href="/signin">ask for a new one</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="message-page">
      <p className="kicker">Sign in</p>
      <h1>Sign in as {email}</h1>
      <form method="post" action="/api/signin/confirm">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={safeReturnPath(query.callbackUrl)} />
        <button type="submit" className="button button-primary">
          Sign in
        </button>
      </form>
      <p className="meta">Not you? Close this page; nothing happens without the button.</p>
    </div>
  );
}
