"use server";
// Server actions of sign-in and sign-out. Next.js refuses cross-site calls
// to server actions (it compares Origin and Host); each action validates its
// input and checks the session itself.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setGrantCookie } from "@/lib/access/current-grant";
import { claimRegistrationGift } from "@/lib/access/registration-gifts";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { signIn, signOut } from "@/lib/auth/auth";
import { getReader } from "@/lib/auth/get-reader";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { endOtherSessions } from "@/lib/auth/sessions";
import { forgetSignInRequest, recordSignInRequest } from "@/lib/auth/sign-in-requests";
import { env } from "@/lib/config/env";
import { clientIp } from "@/lib/http/client-ip";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { isPlausibleSlug } from "@/lib/http/search-params";

export type SignInFormState = { status: "idle" | "invalid" | "limited" | "failed"; message?: string; email?: string };

const signInForm = z.object({
  email: z.string().max(1000).default(""),
  callbackUrl: z.string().max(2000).optional(),
  source: z.enum(["paywall", "signin"]).catch("signin"),
  declineNewsletter: z.string().max(10).optional(),
  // The gated article of the paywall panel: its registration gift.
  articleSlug: z.string().max(300).optional(),
});

export async function requestSignInLink(_previous: SignInFormState, formData: unknown): Promise<SignInFormState> {
  // Anyone can post any arguments to a server action, not only the form's.
  if (!(formData instanceof FormData)) return { status: "invalid", message: "Please enter your email address." };
  const parsed = signInForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "invalid", message: "Please enter your email address." };
  const { source, declineNewsletter, articleSlug } = parsed.data;
  const callbackUrl = safeReturnPath(parsed.data.callbackUrl);
  const email = normalizeEmail(parsed.data.email);
  if (!email) {
    return {
      status: "invalid",
      message: "That does not look like an email address. Please check it, for example name@example.org.",
      email: parsed.data.email.slice(0, 254),
    };
  }
  const ip = clientIp(await headers());
  // The gated article whose panel the reader was on: their registration gift, and counted as where they registered.
  const article =
    source === "paywall" && articleSlug && isPlausibleSlug(articleSlug) ? await getArticleBySlug(articleSlug) : null;
  const gated = article && !article.free ? article : null;
  const limit = await recordSignInRequest({
    email,
    ip,
    source,
    newsletter: source === "paywall" && declineNewsletter !== "on",
    articleId: gated?.id,
  });
  // Over one of the client address's budgets while the other is not spent:
  // nothing is sent, and the answer is the one for a sent link, the same
  // for an address with an account and one without (sign-in-requests.ts).
  if (!limit.allowed && !limit.answerAsSent) {
    return {
      status: "limited",
      message: `We have sent several sign-in links in a short time, so we are not sending another just now. Please use the latest email from us, or try again in ${env().SIGNIN_LIMIT_WINDOW_MINUTES} minutes.`,
      email,
    };
  }
  if (limit.allowed) {
    try {
      await signIn("email", { email, redirectTo: callbackUrl, redirect: false });
    } catch (error) {
      // The mail server refused or could not be reached; the details go to the log.
      console.error("sign-in link could not be sent:", error instanceof Error ? error.message : error);
      await forgetSignInRequest(limit.requestId);
      return {
        status: "failed",
        message: "We could not send the email just now. Please try again in a moment.",
        email,
      };
    }
  }
  if (gated && (await giveRegistrationGift(email, ip, gated.id))) {
    // Instant access: the rest of the article, at once, where the preview ended.
    redirect(`/articles/${gated.slug}#continue`);
  }
  redirect(`/signin/check-email?${new URLSearchParams({ email, callbackUrl }).toString()}`);
}

/**
 * The article of the panel becomes the address's registration gift; with
 * instant access on, this browser gets a grant to read it now (true). The
 * answer does not depend on whether the address has an account.
 */
async function giveRegistrationGift(email: string, ip: string, articleId: string): Promise<boolean> {
  const instant = env().INSTANT_ACCESS === "on";
  const claim = await claimRegistrationGift({ email, articleId, ip, limitByIp: instant });
  if (!claim.given || !instant) return false;
  await setGrantCookie(articleId, email);
  return true;
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Ends every session of the reader, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const reader = await getReader();
  if (reader) await endOtherSessions(reader.id);
  await signOut({ redirectTo: "/signin?signedOut=everywhere" });
}
