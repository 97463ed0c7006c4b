// GET /account/confirm-email?token=…: where the new address's link leads.
import type { Metadata } from "next";
import { ConfirmTokenPage } from "@/components/account/confirm-token-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const metadata: Metadata = {
  title: "Confirm your new email address",
  robots: { index: false },
  referrer: "no-referrer",
};

export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  sendPageWithoutScripts();
  const token = (await searchParams).token;
  return (
    <ConfirmTokenPage
      token={typeof token === "string" ? token : undefined}
      title="Confirm your new email address"
      explanation="Press the button to make this address the one you sign in with and receive our emails at."
      action="/api/account/email/confirm"
      button="Use this address"
    />
  );
}
