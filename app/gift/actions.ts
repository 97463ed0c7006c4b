"use server";
// Gift articles (docs/gifts.md): "Gift this article" under a gated article,
// and "Revoke" on the account page. Next.js refuses cross-site calls to
// server actions; each action checks the session and its input itself.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getReader } from "@/lib/auth/get-reader";
import { GIFT_PARAMS } from "@/lib/gifts/gift-links";
import { sendGift } from "@/lib/gifts/send-gift";
import { revokeGift } from "@/lib/gifts/sent-gifts";
import { isPlausibleSlug } from "@/lib/http/search-params";

export async function giftArticleAction(slug: unknown): Promise<void> {
  if (typeof slug !== "string" || !isPlausibleSlug(slug)) redirect("/");
  const path = `/articles/${encodeURIComponent(slug)}`;
  const reader = await getReader();
  if (!reader) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  const result = await sendGift(reader, slug);
  // The article again, at the gift panel: with the link to copy, or why there is none.
  const query =
    result.kind === "sent" ? `${GIFT_PARAMS.sent}=${result.giftId}` : `${GIFT_PARAMS.refused}=${result.kind}`;
  redirect(`${path}?${query}#gift`);
}

export async function revokeGiftAction(giftId: unknown): Promise<void> {
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/account");
  const revoked = await revokeGift(reader.id, giftId);
  // The account page again, whose address may not change (a second revocation).
  refresh();
  redirect(`/account?notice=${revoked ? "gift-revoked" : "invalid-input"}#gifts`);
}
