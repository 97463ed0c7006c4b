import Link from "next/link";
import { revokeGiftAction } from "@/app/gift/actions";
import { ActionForm } from "@/components/site/action-form";
import { formatDate, formatDayMonth } from "@/lib/articles/format";
import { giftAllowance, listSentGifts, type SentGift } from "@/lib/gifts/sent-gifts";

/**
 * The gift links the reader sent: each article, when, until when it opens,
 * in how many browsers it opened and how often, its link while it is live,
 * and a button to revoke it. Shown to readers who may send gifts
 * (subscribers, comp) and to anyone who sent some.
 */
export async function GiftsSection({ readerId, canGift }: { readerId: string; canGift: boolean }) {
  const [gifts, allowance] = await Promise.all([listSentGifts(readerId), giftAllowance(readerId)]);
  // GIFTS_PER_MONTH=0 turns gifting off: the list of past gifts stays.
  const canSend = canGift && allowance.limit > 0;
  if (!canSend && gifts.length === 0) return null;
  const left = Math.max(0, allowance.limit - allowance.sentThisMonth);
  return (
    <section aria-labelledby="gifts">
      <h2 id="gifts">Gifts</h2>
      {canSend && (
        <p>
          You have {left} of {allowance.limit} gifts left this month
          {left < allowance.limit && <>; they come back on {formatDayMonth(allowance.resetsAt)}</>}. To send one, use
          &ldquo;Gift this article&rdquo; under any subscriber-only article.
        </p>
      )}
      {gifts.length > 0 && (
        <ul className="gift-list">
          {gifts.map((gift) => (
            <GiftItem key={gift.id} gift={gift} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GiftItem({ gift }: { gift: SentGift }) {
  const state = gift.revokedAt
    ? `revoked ${formatDate(gift.revokedAt)}`
    : gift.url
      ? `opens until ${formatDate(gift.expiresAt)}`
      : `expired ${formatDate(gift.expiresAt)}`;
  return (
    <li>
      <Link href={`/articles/${gift.article.slug}`}>{gift.article.title}</Link>
      <p className="meta">
        Sent {formatDate(gift.sentAt)}, {state}. Opened in {gift.browsers} of {gift.maxBrowsers}{" "}
        {gift.maxBrowsers === 1 ? "browser" : "browsers"}, {gift.opens} {gift.opens === 1 ? "time" : "times"} in all.
      </p>
      {gift.url && (
        <div className="gift-list-actions">
          <input
            className="gift-link"
            type="text"
            readOnly
            value={gift.url}
            aria-label={`Gift link for ${gift.article.title}`}
          />
          <ActionForm action={revokeGiftAction.bind(null, gift.id)} permalink="/account">
            <button
              type="submit"
              className="button button-small-plain"
              aria-label={`Revoke the gift of ${gift.article.title}`}
            >
              Revoke
            </button>
          </ActionForm>
        </div>
      )}
    </li>
  );
}
