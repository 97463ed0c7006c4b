// GET /account/deleted: said after an account was deleted.
import type { Metadata } from "next";
import Link from "next/link";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

export default function AccountDeletedPage() {
  sendPageWithoutScripts();
  return (
    <div className="message-page">
      <h1>Your account is deleted</h1>
      <p role="status">
        We erased your personal data. Payment records the law asks us to keep remain, without your name or address.
        Until the end of this month we also keep how many free articles you used this month, under a one-way code made
        from your address and nothing else, so that signing up again this month does not start a new count.
      </p>
      <p>
        <Link href="/">Back to the front page</Link>
      </p>
    </div>
  );
}
