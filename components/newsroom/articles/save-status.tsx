"use client";
// Whether the editor's text is saved: "Saved at 10:31:05", saving, unsaved,
// why a save failed, or a conflict with someone else's save and the way out.
import { formatTime } from "./format-time";
import type { SaveState } from "./use-article-saver";

export function SaveStatus({
  state,
  dirty,
  autosaves,
  timeZone,
  onOverwrite,
  onDiscard,
}: {
  state: SaveState;
  dirty: boolean;
  autosaves: boolean;
  timeZone: string;
  onOverwrite: (version: number) => void;
  onDiscard: () => void;
}) {
  if (state.kind === "conflict") {
    return (
      <div className="editor-conflict" role="alert">
        <p>
          <strong>Not saved.</strong> {state.message}
        </p>
        <p className="meta">Either way the other text stays in the revisions, so nothing is lost.</p>
        <div className="editor-actions">
          <button type="button" className="button" onClick={() => onOverwrite(state.version)}>
            Save my version over it
          </button>
          <button type="button" className="button" onClick={onDiscard}>
            Load the saved version
          </button>
        </div>
      </div>
    );
  }
  let text: string;
  if (state.kind === "failed") text = state.message;
  else if (state.kind === "saving") text = "Saving…";
  else if (state.kind === "new")
    text = dirty ? "Not saved yet: autosave starts once the draft has a headline." : "Not saved yet.";
  else if (dirty) text = autosaves ? "Unsaved changes: saving in a moment…" : "Unsaved changes.";
  else text = `Saved at ${formatTime(state.at, timeZone, { seconds: true, date: false })}`;
  return (
    <p className={state.kind === "failed" ? "editor-save-status form-error" : "editor-save-status meta"} role="status">
      {text}
    </p>
  );
}
