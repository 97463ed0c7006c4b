// GET /gift: where a gift link that names no gift leads (cut short when it
// was copied, made up, or its article is no longer published).
import type { Metadata } from "next";
import Link from "next/link";
import { sendPageWithoutScripts } from "@/lib/http/page-without-scripts";

export const metadata: Metadata = { title: "Gift link not valid", robots: { index: false } };

export default function InvalidGiftPage() {
  sendPageWithoutScripts();
  return (
    <div className="message-page">
      <p className="kicker">Gift link</p>
      <h1>This gift link does not open an article</h1>
      <p>
        It may have been cut short when it was copied, or the article it was for is no longer published. Please ask the
        person who sent it for the whole link.
      </p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
