import Link from "next/link";
import type { ArticleAccess } from "@/lib/access/article-access";
import { formatDate } from "@/lib/articles/format";
import { env } from "@/lib/config/env";
import type { GiftOnPage } from "@/lib/gifts/gift-for-page";

/**
 * Under the headline of an article opened by a gift link: that it is a gift,
 * and what signing up brings; or, when the link does not open it, why. A
 * reader who reads the article anyway (a subscriber) is told nothing.
 */
export function GiftNote({ gift, access, signedIn }: { gift: GiftOnPage; access: ArticleAccess; signedIn: boolean }) {
  if (access.decision.reason === "gift") {
    return (
      <p className="gift-note" role="status">
        <strong>A subscriber gave you this article.</strong>{" "}
        {signedIn ? (
          "Reading it does not use one of your free articles."
        ) : (
          <>
            Read it all, without signing in. <Link href="/signin">Sign up</Link> to read {env().FREE_ARTICLES_PER_MONTH}{" "}
            free articles a month.
          </>
        )}
      </p>
    );
  }
  if (access.decision.level === "full" || gift.refusal === null) return null;
  return (
    <p className="gift-note gift-note-refused" role="status">
      {whyNot(gift)}
    </p>
  );
}

function whyNot(gift: GiftOnPage): React.ReactNode {
  switch (gift.refusal) {
    case "other-article":
      return "This gift link is for another article, so it does not open this one.";
    case "revoked":
      return "The subscriber who sent this gift link has withdrawn it, so it no longer opens the article.";
    case "expired":
      return `This gift link expired on ${gift.expiresAt ? formatDate(gift.expiresAt) : "its last day"}.`;
    case "full":
      return `This gift link has already opened in as many browsers as it may (${gift.maxBrowsers ?? "its limit"}), so it does not open in this one.`;
    case "not-opened":
      return (
        <>
          This browser has not opened the gift link yet. <Link href={`/gift/${gift.token}`}>Open the gift</Link> to read
          the whole article.
        </>
      );
    default:
      return "This gift link is not valid: it may have been cut short when it was copied. Please ask the person who sent it for the whole link.";
  }
}
