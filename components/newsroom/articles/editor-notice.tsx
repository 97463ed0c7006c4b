// What the editor says after one of its forms was posted without JavaScript
// (?notice=…), or after an action taken with it.
const NOTICES: Record<string, { text: string; error?: boolean }> = {
  created: { text: "The draft is saved." },
  saved: { text: "Saved." },
  unchanged: { text: "Nothing had changed." },
  published: { text: "Published: readers see it now." },
  scheduled: { text: "Scheduled." },
  unpublished: { text: "Unpublished: it is a draft again, and readers no longer see it." },
  "already-published": { text: "It is published already; nothing changed." },
  "already-scheduled": { text: "It is scheduled for that time already; nothing changed." },
  "already-draft": { text: "It is a draft already; nothing changed." },
  restored: { text: "The revision is restored, as a new revision." },
  "restored-slug-kept": { text: "The revision is restored, except its slug, which another article has taken since." },
  conflict: {
    text: "Someone saved this article after you opened it, so your changes were not saved. This is the latest version.",
    error: true,
  },
  invalid: { text: "Some fields need attention; nothing was saved or changed.", error: true },
  unreadable: { text: "That request was not understood; nothing changed.", error: true },
  "not-found": { text: "There is no such article or revision.", error: true },
};

export function EditorNotice({
  code,
  message,
  error: failed,
}: {
  code: string | undefined;
  message?: string;
  error?: boolean;
}) {
  const notice = code ? NOTICES[code] : undefined;
  if (!notice && !message) return null;
  const error = failed ?? notice?.error ?? false;
  return (
    <p className={error ? "form-error" : "notice"} role={error ? "alert" : "status"}>
      {message ?? notice?.text}
    </p>
  );
}
