// GET /signin/check-email: shown after a link was requested. It reads the
// same for every address, known or not.
import type { Metadata } from "next";
import { env } from "@/lib/config/env";
import type { SearchParamValue } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const email = (await searchParams).email;
  const address = typeof email === "string" ? email.slice(0, 254) : "your inbox";
  return (
    <div className="message-page">
      <p className="kicker">Sign in</p>
      <h1>Check your email</h1>
      <p>
        We sent a sign-in link to <strong>{address}</strong>. Open it on this device to continue; it expires in{" "}
        {env().SIGNIN_LINK_MINUTES} minutes and works once.
      </p>
      <p className="meta">Nothing there after a few minutes? Look in your spam folder, or ask for a new link.</p>
    </div>
  );
}
