import Link from "next/link";
import { giftArticleAction } from "@/app/gift/actions";
import { ActionForm } from "@/components/site/action-form";
import { formatDate, formatDayMonth } from "@/lib/articles/format";
import type { Reader } from "@/lib/auth/get-reader";
import { env } from "@/lib/config/env";
import { GIFT_PARAMS } from "@/lib/gifts/gift-links";
import { findSentGift, giftAllowance } from "@/lib/gifts/sent-gifts";
import type { SearchParamValue } from "@/lib/http/search-params";

/** Where "Gift this article" lands: the id of its panel. */
export const GIFT_PANEL_ID = "gift";

/**
 * Under a gated article a subscriber reads: "Gift this article". The button
 * is the same for every subscriber (the page is kept per reader variant,
 * server/reader-pages.ts); the link it made, or why it made none, is shown
 * on the address it leads to (?gift-sent=, ?gift-refused=), a page for this
 * browser alone (lib/gifts/gift-for-page.ts).
 */
export async function GiftArticlePanel({
  articleSlug,
  reader,
  query,
}: {
  articleSlug: string;
  reader: Reader;
  query: Record<string, SearchParamValue>;
}) {
  const { GIFT_DAYS, GIFT_MAX_BROWSERS, GIFTS_PER_MONTH } = env();
  const sent = query[GIFT_PARAMS.sent] !== undefined ? await findSentGift(reader.id, query[GIFT_PARAMS.sent]) : null;
  const refused = query[GIFT_PARAMS.refused];
  let body: React.ReactNode;
  if (sent?.url) {
    const { sentThisMonth, limit } = await giftAllowance(reader.id);
    body = (
      <>
        <label className="gift-link-label" htmlFor="gift-link">
          Your gift link: copy it and send it to whoever you like
        </label>
        <input id="gift-link" className="gift-link" type="text" readOnly value={sent.url} />
        <p>
          It opens the whole article in up to {sent.maxBrowsers} browsers until {formatDate(sent.expiresAt)}, without
          signing in. You have {Math.max(0, limit - sentThisMonth)} of {limit} gifts left this month.{" "}
          <Link href="/account#gifts">Your gifts</Link>
        </p>
      </>
    );
  } else if (refused === "limit") {
    const { resetsAt } = await giftAllowance(reader.id);
    body = (
      <p className="form-error" role="alert">
        You have sent your {GIFTS_PER_MONTH} gifts this month. You can send more from {formatDayMonth(resetsAt)}.
      </p>
    );
  } else {
    body = (
      <>
        {refused !== undefined && (
          <p className="form-error" role="alert">
            No gift link was made: gifts are for subscribers, of gated articles.
          </p>
        )}
        <p>
          Send this article to someone who does not subscribe: they can read it whole, without signing in, for{" "}
          {GIFT_DAYS} days, in up to {GIFT_MAX_BROWSERS} browsers. You can send {GIFTS_PER_MONTH} gifts a month.
        </p>
        <ActionForm action={giftArticleAction.bind(null, articleSlug)} permalink={`/articles/${articleSlug}`}>
          <button type="submit" className="button button-primary">
            Gift this article
          </button>
        </ActionForm>
      </>
    );
  }
  return (
    <aside className="gift-panel" id={GIFT_PANEL_ID} aria-labelledby="gift-panel-title">
      <h2 id="gift-panel-title">Gift this article</h2>
      {body}
    </aside>
  );
}
