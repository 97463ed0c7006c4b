// The sign-in email: a link and a 6-digit code (lib/auth/sign-in-codes.ts),
// either of which signs in once. The link opens a confirmation page rather
// than Auth.js's callback, so that a mail scanner fetching the link cannot
// use it up: only the page's button (a POST) signs in.
import { env, publicUrl } from "@/lib/config/env";
import { escapeHtml } from "@/lib/text/escape-html";
import { sendMail } from "@/lib/mail/send-mail";
import { createSignInCode } from "./sign-in-codes";

export type SignInLinkParams = { identifier: string; token: string; url: string; expires: Date };

/** Where the sign-in returns to: Auth.js makes it absolute; only its path is kept. */
function returnPath(url: string): string {
  // Checked again by safeReturnPath when the link or code is used. The
  // fragment is kept: "#continue" is the article's cut.
  const target = new URL(new URL(url).searchParams.get("callbackUrl") ?? "/", publicUrl());
  return `${target.pathname}${target.search}${target.hash}`;
}

export function confirmationUrl({
  identifier,
  token,
  url,
}: Pick<SignInLinkParams, "identifier" | "token" | "url">): string {
  const callbackUrl = returnPath(url);
  const query = new URLSearchParams({ token, email: identifier, callbackUrl });
  return `${publicUrl()}/signin/confirm?${query.toString()}`;
}

export async function sendSignInLink(params: SignInLinkParams): Promise<void> {
  const link = confirmationUrl(params);
  const code = await createSignInCode({
    email: params.identifier,
    token: params.token,
    callbackUrl: returnPath(params.url),
    expires: params.expires,
  });
  const { PUBLICATION_NAME: name, SIGNIN_LINK_MINUTES: minutes } = env();
  await sendMail({
    to: params.identifier,
    subject: `Your sign-in link for ${name}`,
    text: [
      `Your code for ${name}: ${code}`,
      "",
      "Type it on the page you are reading, or sign in with this link:",
      "",
      link,
      "",
      `The code and the link work once (using one ends the other) and expire in ${minutes} minutes.`,
      "If you did not ask for it, you can ignore this email: nothing happens until the code or the link is used.",
    ].join("\n"),
    html: `<p>Your code for ${escapeHtml(name)}:</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">${code}</p>
<p>Type it on the page you are reading, or sign in with this link:</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#9b1c1c;color:#fff;text-decoration:none;border-radius:3px">Sign in</a></p>
<p>The code and the link work once and expire in ${minutes} minutes. If you did not ask for them, you can ignore this email.</p>
<p style="color:#666;font-size:12px">Or paste this address into your browser: ${escapeHtml(link)}</p>`,
  });
}
