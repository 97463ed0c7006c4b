import Link from "next/link";
import { env } from "@/lib/config/env";

/** Shown under the preview to a reader who is not signed in. */
export function PaywallPanel({ articleSlug }: { articleSlug: string }) {
  const returnTo = `/articles/${articleSlug}`;
  const freeArticles = env().FREE_ARTICLES_PER_MONTH;
  return (
    <aside className="paywall-panel" aria-labelledby="paywall-title">
      <h2 id="paywall-title">Continue reading</h2>
      <div className="paywall-options">
        <section className="paywall-option">
          <h3>Keep reading for free</h3>
          <p>
            Enter your email address to read {freeArticles} articles of your choice each month and receive our free
            newsletter.
          </p>
          <form action="/signin" method="get" className="inline-form">
            <input type="hidden" name="callbackUrl" value={returnTo} />
            <label htmlFor="paywall-email" className="visually-hidden">
              Email address
            </label>
            <input id="paywall-email" type="email" name="email" required placeholder="you@example.org" autoComplete="email" maxLength={254} />
            <button type="submit" className="button">
              Keep reading
            </button>
          </form>
        </section>
        <section className="paywall-option">
          <h3>Subscribe to All-Access</h3>
          <p>Every article, the full searchable archive, the Daily and Weekly Review, and no ads.</p>
          <Link href={`/subscribe?from=${encodeURIComponent(articleSlug)}`} className="button button-primary">
            Subscribe
          </Link>
        </section>
      </div>
      <p className="paywall-login">
        Already a subscriber? <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>Log in</Link>
      </p>
    </aside>
  );
}
