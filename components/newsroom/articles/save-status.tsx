"use client";
// Whether the editor's text is saved: "Saved at 10:31:05", saving, unsaved or
// why a save failed (a status line that stays on the page, so screen readers
// announce its changes); and, after a conflict with someone else's save, the
// alert with the ways out.
import { formatTime } from "./format-time";
import type { SaveState } from "./use-article-saver";

export function SaveStatus({
  state,
  dirty,
  autosaves,
  timeZone,
}: {
  state: SaveState;
  dirty: boolean;
  autosaves: boolean;
  timeZone: string;
}) {
  let text: string;
  if (state.kind === "conflict") text = "Not saved: someone else saved first.";
  else if (state.kind === "failed") text = state.message;
  else if (state.kind === "saving") text = "Saving…";
  else if (state.kind === "new")
    text = dirty ? "Not saved yet: autosave starts once the draft has a headline." : "Not saved yet.";
  else if (dirty) text = autosaves ? "Unsaved changes: saving in a moment…" : "Unsaved changes.";
  else text = `Saved at ${formatTime(state.at, timeZone, { seconds: true, date: false })}`;
  const failed = state.kind === "failed" || state.kind === "conflict";
  return (
    <p className={failed ? "editor-save-status form-error" : "editor-save-status meta"} role="status">
      {text}
    </p>
  );
}

export function ConflictAlert({
  state,
  onOverwrite,
  onShowSaved,
}: {
  state: SaveState;
  onOverwrite: (version: number) => void;
  onShowSaved: () => void;
}) {
  if (state.kind !== "conflict") return null;
  return (
    <div className="editor-conflict" role="alert">
      <p>
        <strong>Not saved.</strong> {state.message}
      </p>
      <p className="meta">
        Your text is still in the editor. If you save yours over it, the other text stays in the revisions; you can also
        see it here first and copy from it.
      </p>
      <div className="editor-actions">
        <button type="button" className="button" onClick={() => onOverwrite(state.version)}>
          Save my version over it
        </button>
        <button type="button" className="button" onClick={onShowSaved}>
          Show the saved version
        </button>
      </div>
    </div>
  );
}
