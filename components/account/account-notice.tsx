// What the account page says after one of its forms was sent (?notice=…).
const NOTICES: Record<string, { text: string; error?: boolean }> = {
  "newsletter-updated": { text: "Your newsletter choice is saved." },
  "subscribers-only": { text: "The Daily and Weekly Review are for All-Access subscribers.", error: true },
  "email-sent": { text: "We sent a confirmation link to your new address. Nothing changes until you open it." },
  "email-changed": { text: "Your email address is changed. We told your old address." },
  "email-taken": { text: "That address belongs to another account, so we could not switch to it.", error: true },
  "invalid-email": { text: "That does not look like an email address. Please check it.", error: true },
  "same-email": { text: "That is already your email address.", error: true },
  "deletion-sent": {
    text: "We sent you a link to confirm deleting your account. Nothing is deleted before you open it.",
  },
  "invalid-link": { text: "That link has expired or was already used. Please ask for a new one.", error: true },
  "invalid-input": { text: "That request was not understood; nothing changed.", error: true },
  limited: { text: "We sent several links just now; please use the latest, or try again in 15 minutes.", error: true },
  "gift-revoked": { text: "The gift link is revoked: it no longer opens the article, in any browser." },
  "organisation-joined": { text: "You joined the organisation: you read everything while its access runs." },
  portal: { text: "The billing portal could not be opened just now. Please try again in a moment.", error: true },
};

export function AccountNotice({ code }: { code: string | undefined }) {
  const notice = code ? NOTICES[code] : undefined;
  if (!notice) return null;
  return (
    <p className={notice.error ? "form-error" : "notice"} role={notice.error ? "alert" : "status"}>
      {notice.text}
    </p>
  );
}
