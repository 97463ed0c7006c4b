import Link from "next/link";

/** What a reader sees for an address that leads nowhere: app/not-found.tsx and the pages' own (page-not-found.tsx). */
export function NotFoundMessage() {
  return (
    <div className="message-page">
      <p className="kicker">404</p>
      <h1>We could not find that page</h1>
      <p>The address may be mistyped, or the article may have moved.</p>
      <p>
        <Link href="/">Go to the front page</Link> or <Link href="/archive">browse the archive</Link>.
      </p>
    </div>
  );
}
