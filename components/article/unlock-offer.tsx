import Link from "next/link";
import { unlockArticleAction } from "@/app/articles/[slug]/actions";
import { ActionForm } from "@/components/site/action-form";
import type { MeterSummary } from "@/lib/access/reader-meter";

/** A signed-in reader with free articles left chooses to spend one here. */
export function UnlockOffer({ articleSlug, meter }: { articleSlug: string; meter: MeterSummary }) {
  return (
    <div className="unlock-offer">
      <ActionForm action={unlockArticleAction.bind(null, articleSlug)} permalink={`/articles/${articleSlug}`}>
        <button type="submit" className="button button-primary">
          Read this article
        </button>
      </ActionForm>
      <p>
        Uses 1 of your {meter.limit} free articles this month. You have {meter.remaining}{" "}
        {meter.remaining === 1 ? "free article" : "free articles"} left.
      </p>
      <p className="meta">
        Or <Link href={`/subscribe?from=${encodeURIComponent(articleSlug)}`}>subscribe to All-Access</Link> and read
        everything.
      </p>
    </div>
  );
}
