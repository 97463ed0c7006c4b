// GET /account/confirm-delete?token=…: where the deletion link leads.
import type { Metadata } from "next";
import { ConfirmTokenPage } from "@/components/account/confirm-token-page";
import type { SearchParamValue } from "@/lib/http/search-params";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const metadata: Metadata = { title: "Delete your account", robots: { index: false }, referrer: "no-referrer" };

export default async function ConfirmDeletePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  sendPageWithoutScripts();
  const token = (await searchParams).token;
  return (
    <ConfirmTokenPage
      token={typeof token === "string" ? token : undefined}
      title="Delete your account?"
      explanation="This cannot be undone. A subscription ends now, without a refund for the rest of the period; your reading history, newsletter choices and sign-in history are erased. Until the end of this month we keep how many free articles you used this month, under a one-way code made from your address, so that signing up again this month does not start a new count."
      action="/api/account/delete/confirm"
      button="Delete my account"
    />
  );
}
