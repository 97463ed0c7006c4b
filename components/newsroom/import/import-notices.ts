// What the run page says after its Import or Resume button was pressed (?notice=…).
import type { NoticeTexts } from "@/components/newsroom/newsroom-notice";

export const IMPORT_NOTICES: NoticeTexts = {
  started: { text: "The import has started." },
  resumed: { text: "The run has been resumed: what was already imported is recognised and left as it is." },
  running: { text: "This run is already going: wait for it to finish.", error: true },
  done: { text: "This file has already been imported.", error: true },
  "not-ready": { text: "This run cannot be imported: its preview is not ready, or it failed.", error: true },
  "not-resumable": { text: "Only an interrupted run, or one stopped by a server error, can be resumed.", error: true },
  "file-gone": { text: "The uploaded file is no longer kept: upload it again.", error: true },
  "not-found": { text: "There is no such import.", error: true },
};
