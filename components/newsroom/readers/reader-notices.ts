// What a reader's page says after one of its forms was sent.
import type { NoticeTexts } from "../newsroom-notice";

export const READER_NOTICES: NoticeTexts = {
  "comp-granted": { text: "Complimentary All-Access is granted." },
  "comp-revoked": { text: "Complimentary All-Access is revoked: they are back on their own plan." },
  "comp-none": { text: "They had no complimentary access running; nothing changed." },
  "invalid-date": { text: "Choose the last day of comp access: today or later, at most ten years ahead.", error: true },
  "role-changed": { text: "Their role is changed." },
  "role-unchanged": { text: "They already had that role." },
  "own-admin-role": { text: "You cannot take away your own admin role.", error: true },
  "invalid-role": { text: "Choose reader, editor or admin.", error: true },
  "invalid-input": { text: "That request was not understood; nothing changed.", error: true },
};
