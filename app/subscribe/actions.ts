"use server";
// Buying and managing All-Access. Next.js refuses cross-site calls to server
// actions; each action checks the session and validates its input itself.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { getReader } from "@/lib/auth/get-reader";
import { createCheckoutSession } from "@/lib/billing/checkout";
import {
  CHECKOUT_NONCE_COOKIE,
  CHECKOUT_NONCE_COOKIE_PATH,
  CHECKOUT_NONCE_MAX_AGE_SECONDS,
  checkoutNonce,
} from "@/lib/billing/checkout-nonce";
import { PLAN_KEYS, type PlanKey } from "@/lib/billing/plans";
import { createPortalSession } from "@/lib/billing/portal";
import { returnTarget, subscribePath } from "@/lib/billing/return-target";
import { servedOverHttps } from "@/lib/http/request-security";

const planSchema = z.enum(PLAN_KEYS as [PlanKey, ...PlanKey[]]);

/** `from`: the article the buyer subscribes from (a slug or a same-site path); anything else is dropped. */
export async function startCheckoutAction(plan: unknown, from: unknown): Promise<void> {
  const target = returnTarget(typeof from === "string" ? from : undefined);
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) redirect(subscribePath(target));
  const reader = await getReader();
  // The article bought from, for the insights (a path or a slug that names none: none).
  const article = target && target.path === `/articles/${target.from}` ? await getArticleBySlug(target.from) : null;
  const articleId = article?.id ?? null;
  let url: string;
  try {
    if (reader) {
      url = await createCheckoutSession(reader, { planKey: parsed.data, returnTo: target, articleId });
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
    console.error("checkout could not start:", error instanceof Error ? error.message : error);
    redirect(subscribePath(target, { error: "checkout" }));
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
