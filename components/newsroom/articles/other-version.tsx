"use client";
// After a conflict, the text that is not in the editor, read-only, to copy
// from: first the version someone else saved (fetched when asked for), then,
// once the editor has loaded that one, the editor's own text that was not
// saved. Either way both texts stay on the page until the editor closes this.
import type { ArticleContent, ArticleStatus } from "./editor-types";

export type OtherVersion =
  | { kind: "saved"; content: ArticleContent; version: number; status: ArticleStatus; savedAt: string }
  | { kind: "mine"; content: ArticleContent };

export function OtherVersionPanel({
  other,
  onLoad,
  onClose,
}: {
  other: OtherVersion;
  onLoad: () => void;
  onClose: () => void;
}) {
  const saved = other.kind === "saved";
  return (
    <section className="editor-other" aria-labelledby="other-version-title">
      <h2 id="other-version-title" className="editor-panel-title">
        {saved ? "The version saved since you opened the article" : "Your text, not saved"}
      </h2>
      <p className="meta">
        {saved
          ? "Your text is still in the editor. Copy what you need from this one into it and save yours over it, or load this one into the editor: your text then stays here to copy from."
          : "The saved version is in the editor now. Copy what you need from your text back into it; this stays until you close it or leave the page."}
      </p>
      <dl className="editor-other-fields">
        <dt>Headline</dt>
        <dd>{other.content.title}</dd>
        <dt>Dek</dt>
        <dd>{other.content.dek || "—"}</dd>
      </dl>
      <label htmlFor="other-body">{saved ? "Body of the saved version" : "Body of your text"}</label>
      <textarea id="other-body" className="editor-other-body" readOnly rows={12} value={other.content.body} />
      <div className="editor-actions">
        {saved && (
          <button type="button" className="button" onClick={onLoad}>
            Load it into the editor
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
