// The sign-in email. Its link opens a confirmation page rather than Auth.js's
// callback, so that a mail scanner fetching the link cannot use it up: only
// the page's button (a POST) signs in.
import { env, publicUrl } from "@/lib/config/env";
import { escapeHtml } from "@/lib/text/escape-html";
import { sendMail } from "@/lib/mail/send-mail";

export type SignInLinkParams = { identifier: string; token: string; url: string; expires: Date };

export function confirmationUrl({
  identifier,
  token,
  url,
}: Pick<SignInLinkParams, "identifier" | "token" | "url">): string {
  // Auth.js makes the return address absolute; only its path is kept (and
  // checked again by safeReturnPath when the link is used).
  const target = new URL(new URL(url).searchParams.get("callbackUrl") ?? "/", publicUrl());
  const callbackUrl = `${target.pathname}${target.search}`;
  const query = new URLSearchParams({ token, email: identifier, callbackUrl });
  return `${publicUrl()}/signin/confirm?${query.toString()}`;
}

export async function sendSignInLink(params: SignInLinkParams): Promise<void> {
  const link = confirmationUrl(params);
  const { PUBLICATION_NAME: name, SIGNIN_LINK_MINUTES: minutes } = env();
  await sendMail({
    to: params.identifier,
    subject: `Your sign-in link for ${name}`,
    text: [
      `Sign in to ${name} with this link:`,
      "",
      link,
      "",
      `It works once and expires in ${minutes} minutes.`,
      "If you did not ask for it, you can ignore this email: nothing happens until the link is used.",
    ].join("\n"),
    html: `<p>Sign in to ${escapeHtml(name)}:</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 18px;background:#9b1c1c;color:#fff;text-decoration:none;border-radius:3px">Sign in</a></p>
<p>It works once and expires in ${minutes} minutes. If you did not ask for it, you can ignore this email.</p>
<p style="color:#666;font-size:12px">Or paste this address into your browser: ${escapeHtml(link)}</p>`,
  });
}
