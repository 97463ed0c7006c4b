// What a gift token in the article page's address (?gift=) does for this
// browser: opens the article (its id goes to the access decision as
// BrowserContext.giftedArticleId), or says why not. Reading only: the open
// was recorded when the browser followed the link (open-gift.ts), since a
// page cannot set the browser's cookie while it renders.
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { db } from "@/lib/db/prisma";
import { declarePrivatePage } from "@/lib/http/private-page";
import { isPlausibleSlug, type SearchParamValue } from "@/lib/http/search-params";
import { currentBrowserId } from "./browser-id";
import { GIFT_PARAMS, hasGiftParams, readGiftToken } from "./gift-links";
import { giftRefusal, type GiftRefusal } from "./gift-refusal";

export type GiftOnPage = {
  /** The article the gift opens in this browser; null when it does not. */
  giftedArticleId: string | null;
  refusal: GiftRefusal | null;
  /** The gift's end and its limit of browsers, for the sentence that says why it does not open. */
  expiresAt: Date | null;
  maxBrowsers: number | null;
  /** A real token for this article, for the link that opens it in this browser (refusal "not-opened"). */
  token: string | null;
};

const refused = (refusal: GiftRefusal): GiftOnPage => ({
  giftedArticleId: null,
  refusal,
  expiresAt: null,
  maxBrowsers: null,
  token: null,
});

type Row = { expiresAt: Date; revokedAt: Date | null; maxBrowsers: number; browsers: number; openedHere: boolean };

/** `param`: the page's ?gift= value as Next.js hands it over (a repeated parameter is an array). */
export async function giftOnPage(
  param: string | string[] | undefined,
  articleId: string,
  browserId: string | null,
  now = new Date(),
): Promise<GiftOnPage> {
  const claim = readGiftToken(param);
  if (!claim) return refused("invalid");
  if (claim.articleId !== articleId) return refused("other-article");
  const [row] = await db().$queryRaw<Row[]>`
    SELECT g.expires_at AS "expiresAt", g.revoked_at AS "revokedAt", g.max_browsers AS "maxBrowsers",
           (SELECT count(*)::int FROM gift_opens o WHERE o.gift_id = g.id) AS browsers,
           EXISTS (SELECT 1 FROM gift_opens o WHERE o.gift_id = g.id AND o.browser_id = ${browserId}) AS "openedHere"
    FROM gift_links g
    WHERE g.id = ${claim.giftId}::uuid AND g.article_id = ${claim.articleId}::uuid`;
  if (!row) return refused("invalid");
  const refusal = giftRefusal(row, row.openedHere, now);
  return {
    giftedArticleId: refusal === null ? articleId : null,
    refusal,
    expiresAt: row.expiresAt,
    maxBrowsers: row.maxBrowsers,
    token: typeof param === "string" ? param : null,
  };
}

/**
 * For the article page: a page whose address has a gift's parameters is for
 * this browser alone, whether the token is good or not (it says why not, and
 * must never be kept for, or served from the cache to, anyone else). Null
 * when the address has no token; the gift the token opens here, or why not.
 */
export async function giftForPage(
  slug: string,
  query: Record<string, SearchParamValue>,
  now = new Date(),
): Promise<GiftOnPage | null> {
  if (!hasGiftParams(query)) return null;
  declarePrivatePage();
  const param = query[GIFT_PARAMS.token];
  if (param === undefined) return null;
  const article = isPlausibleSlug(slug) ? await getArticleBySlug(slug) : null;
  if (!article) return refused("invalid");
  return giftOnPage(param, article.id, await currentBrowserId(), now);
}
