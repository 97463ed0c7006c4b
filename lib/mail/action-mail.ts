// The one shape of Folio's transactional emails: a few sentences and, where
// there is one, a button with its link also written out in full.
import { env } from "@/lib/config/env";
import { escapeHtml } from "@/lib/text/escape-html";
import type { Mail } from "./send-mail";

export function actionMail(options: {
  to: string;
  subject: string;
  lines: string[];
  action?: { label: string; url: string };
}): Mail {
  const { to, subject, lines, action } = options;
  const signature = `— ${env().PUBLICATION_NAME}`;
  const text = [...lines, ...(action ? ["", `${action.label}: ${action.url}`] : []), "", signature].join("\n");
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(action
      ? [
          `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 18px;background:#9b1c1c;color:#fff;text-decoration:none;border-radius:3px">${escapeHtml(action.label)}</a></p>`,
          `<p style="color:#666;font-size:12px">Or paste this address into your browser: ${escapeHtml(action.url)}</p>`,
        ]
      : []),
    `<p style="color:#666">${escapeHtml(signature)}</p>`,
  ].join("\n");
  return { to, subject, text, html };
}
