// What a page with an organisation's seats says after a removal or a
// withdrawal (?notice=…): codes only, never text from the URL.
import type { NoticeTexts } from "@/components/newsroom/newsroom-notice";

export const SEAT_NOTICES: NoticeTexts = {
  "member-removed": { text: "The member is removed: they no longer read through the organisation." },
  "invitation-withdrawn": { text: "The invitation is withdrawn: its link no longer works, and its seat is free." },
  "seat-not-found": { text: "That member or invitation is no longer there; nothing changed.", error: true },
};
