import Link from "next/link";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { env } from "@/lib/config/env";

/** The three ways on for a reader who is not signed in. */
export function SignUpOffer({ articleSlug }: { articleSlug: string }) {
  const returnTo = `/articles/${articleSlug}`;
  return (
    <>
      <div className="paywall-options">
        <section className="paywall-option">
          <h3>Keep reading for free</h3>
          <p>
            Enter your email address to read {env().FREE_ARTICLES_PER_MONTH} articles of your choice each month and
            receive our free newsletter.
          </p>
          <EmailSignInForm source="paywall" callbackUrl={returnTo} submitLabel="Keep reading" newsletterChoice />
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
    </>
  );
}
