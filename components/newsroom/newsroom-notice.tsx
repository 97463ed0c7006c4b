// What a newsroom page says after one of its forms was sent (?notice=…).
// Codes only travel in the URL, never text, so a link cannot make the page
// say something it would not.
export type NoticeTexts = Record<string, { text: string; error?: boolean }>;

export function NewsroomNotice({ code, texts }: { code: string | undefined; texts: NoticeTexts }) {
  const notice = code ? texts[code] : undefined;
  if (!notice) return null;
  return (
    <p className={notice.error ? "form-error" : "notice"} role={notice.error ? "alert" : "status"}>
      {notice.text}
    </p>
  );
}
