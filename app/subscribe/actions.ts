"use server";
// Buying and managing All-Access. Next.js refuses cross-site calls to server
// actions; each action checks the session and validates its input itself.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { getReader } from "@/lib/auth/get-reader";
import { createCheckoutSession, OfferRefusedError } from "@/lib/billing/checkout";
import {
  CHECKOUT_NONCE_COOKIE,
  CHECKOUT_NONCE_COOKIE_PATH,
  CHECKOUT_NONCE_MAX_AGE_SECONDS,
  checkoutNonce,
} from "@/lib/billing/checkout-nonce";
import { offerCodeFrom } from "@/lib/billing/offer-code";
import { offerAppliesTo } from "@/lib/billing/offer-terms";
import { lookupOffer, type Offer } from "@/lib/billing/offers";
import { listPlans, PLAN_KEYS, type PlanKey } from "@/lib/billing/plans";
import { createPortalSession } from "@/lib/billing/portal";
import { returnTarget, subscribePath } from "@/lib/billing/return-target";
import { servedOverHttps } from "@/lib/http/request-security";

const planSchema = z.enum(PLAN_KEYS as [PlanKey, ...PlanKey[]]);

/**
 * The offer of an offer link, looked up again (fresh) before it is applied:
 * one that has ended, or is not for this plan, sends the buyer back to
 * /subscribe, which says why. Bound arguments come back from the browser, so
 * the code is checked again too.
 */
async function offerFor(
  offerCode: unknown,
  plan: PlanKey,
  back: (extra?: Record<string, string>) => string,
): Promise<Offer | null> {
  const code = offerCodeFrom(typeof offerCode === "string" ? offerCode : undefined);
  if (code === null) return null;
  if (code === "malformed") redirect(back());
  let offer: Offer | null = null;
  try {
    const found = await lookupOffer(code, { fresh: true });
    const planned = (await listPlans()).find((candidate) => candidate.key === plan);
    if (found.status === "ok" && planned && offerAppliesTo(found.offer, planned)) offer = found.offer;
  } catch (error) {
    console.error("offer could not be checked:", error instanceof Error ? error.message : error);
    redirect(back({ offer: code, error: "checkout" }));
  }
  if (!offer) redirect(back({ offer: code }));
  return offer;
}

/**
 * `from`: the article the buyer subscribes from (a slug or a same-site path);
 * anything else is dropped. `offerCode`: the offer link's code, if any.
 */
export async function startCheckoutAction(plan: unknown, from: unknown, offerCode: unknown = null): Promise<void> {
  const target = returnTarget(typeof from === "string" ? from : undefined);
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) redirect(subscribePath(target));
  const offer = await offerFor(offerCode, parsed.data, (extra) => subscribePath(target, extra));
  const withOffer: Record<string, string> = offer ? { offer: offer.code } : {};
  const reader = await getReader();
  // The article bought from, for the insights (a path or a slug that names none: none).
  const article = target && target.path === `/articles/${target.from}` ? await getArticleBySlug(target.from) : null;
  const articleId = article?.id ?? null;
  let url: string;
  try {
    if (reader) {
      url = await createCheckoutSession(reader, { planKey: parsed.data, returnTo: target, articleId, offer });
    } else {
      // A visitor gives their address on Checkout's page. The nonce binds the
      // return to this browser: only it may be signed in to an account the
      // purchase creates (app/subscribe/return/route.ts).
      const jar = await cookies();
      const nonce = checkoutNonce(jar.get(CHECKOUT_NONCE_COOKIE)?.value);
      url = await createCheckoutSession(null, {
        planKey: parsed.data,
        returnTo: target,
        nonceHash: nonce.hash,
        articleId,
        offer,
      });
      jar.set(CHECKOUT_NONCE_COOKIE, nonce.nonce, {
        httpOnly: true,
        sameSite: "lax",
        secure: servedOverHttps(await headers()),
        path: CHECKOUT_NONCE_COOKIE_PATH,
        maxAge: CHECKOUT_NONCE_MAX_AGE_SECONDS,
      });
    }
  } catch (error) {
    if (error instanceof OfferRefusedError) redirect(subscribePath(target, { ...withOffer, error: "offer" }));
    console.error("checkout could not start:", error instanceof Error ? error.message : error);
    redirect(subscribePath(target, { ...withOffer, error: "checkout" }));
  }
  redirect(url);
}

export async function openBillingPortalAction(): Promise<void> {
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/account");
  let url: string | null;
  try {
    url = await createPortalSession(reader);
  } catch (error) {
    console.error("billing portal could not open:", error instanceof Error ? error.message : error);
    redirect("/account?error=portal");
  }
  redirect(url ?? "/subscribe");
}
