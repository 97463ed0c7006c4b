import Link from "next/link";

export default function NotFound() {
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
