import { SignInCodeForm } from "@/components/auth/sign-in-code-form";
import { env } from "@/lib/config/env";

/**
 * At the cut of an article read through instant access: the rest is the
 * reader's, and the code from the email, typed here, confirms the address
 * (the three a month and the newsletter start, on every device).
 */
export function GiftConfirmPanel({
  articleSlug,
  email,
  error,
}: {
  articleSlug: string;
  email: string;
  error: string | null;
}) {
  return (
    <aside className="gift-confirm" aria-labelledby="gift-confirm-title">
      <h2 id="gift-confirm-title">Keep reading: this article is yours</h2>
      <p>
        It is our gift for registering and does not count against your {env().FREE_ARTICLES_PER_MONTH} free articles a
        month. To start those and the free newsletter, and to read on any device, enter the code we sent to{" "}
        <strong>{email}</strong>.
      </p>
      <SignInCodeForm email={email} returnTo={`/articles/${articleSlug}`} error={error} />
    </aside>
  );
}
