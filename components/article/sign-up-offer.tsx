import Link from "next/link";
import { EmailSignInForm } from "@/components/auth/email-sign-in-form";
import { AllAccessBenefits } from "@/components/billing/all-access-benefits";
import { env } from "@/lib/config/env";

/** The three ways on for a reader who is not signed in: the registration wall's promise. */
export function SignUpOffer({ articleSlug }: { articleSlug: string }) {
  const returnTo = `/articles/${articleSlug}#continue`;
  const perMonth = env().FREE_ARTICLES_PER_MONTH;
  const instant = env().INSTANT_ACCESS === "on";
  return (
    <>
      <div className="paywall-options">
        <section className="paywall-option">
          <h3>Keep reading for free!</h3>
          <p>
            {instant
              ? "Get instant access to the rest of this article by submitting your email address below."
              : "Submit your email address below and confirm it to read the rest of this article."}{" "}
            You&apos;ll also get access to {perMonth} articles of your choice each month and our free newsletter.
          </p>
          <EmailSignInForm
            source="paywall"
            callbackUrl={returnTo}
            articleSlug={articleSlug}
            submitLabel="Keep reading"
            permalink={`/articles/${articleSlug}`}
            newsletterChoice
          />
        </section>
        <section className="paywall-option">
          <h3>Or, subscribe now to get full access</h3>
          <AllAccessBenefits className="benefits benefits-compact" />
          <Link href={`/subscribe?from=${encodeURIComponent(articleSlug)}`} className="button button-primary">
            Subscribe
          </Link>
        </section>
      </div>
      <p className="paywall-login">
        Already a subscriber? <Link href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`}>Log in here</Link>
      </p>
    </>
  );
}
