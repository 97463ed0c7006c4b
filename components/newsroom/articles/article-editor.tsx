"use client";
// The article editor: the fields and the Markdown on one side, the live
// preview on the other (tabs on a narrow screen), and publishing. Without
// JavaScript it is a form that posts to the save route and forms that post to
// the publishing routes. With it, drafts are saved 1.5 s after the last
// change, Ctrl+S (Cmd+S) saves, the preview follows the typing, and leaving
// with unsaved changes asks first. The page's heading is the headline as last
// saved.
import { useEffect, useState, type FormEvent } from "react";
import type { EditorChoices } from "@/lib/newsroom/articles/editor-choices";
import { ArticleFields } from "./article-fields";
import { EditorNotice } from "./editor-notice";
import { EditorTabs, paneProps, type EditorTab } from "./editor-tabs";
import type { BodyPreview, EditorArticle, EditorSetting, FieldErrors } from "./editor-types";
import { LivePreview } from "./live-preview";
import { OtherVersionPanel } from "./other-version";
import { PublishingPanel } from "./publishing-panel";
import { ConflictAlert, SaveStatus } from "./save-status";
import { useArticleSaver } from "./use-article-saver";
import { useHydrated } from "./use-hydrated";
import { useLivePreview } from "./use-live-preview";
import { useOtherVersion } from "./use-other-version";
import { usePublishing, type EditorMessage } from "./use-publishing";
import { useSaveShortcut } from "./use-save-shortcut";
import { useWideScreen } from "./use-wide-screen";

const AUTOSAVE_DELAY_MS = 1500;

function dateLine(status: EditorArticle["status"], publishedAt: string | null, timeZone: string): string {
  if (status === "draft" || !publishedAt) return "Not published yet";
  const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone }).format(
    new Date(publishedAt),
  );
  return status === "scheduled" ? `${date} (scheduled)` : date;
}

export function ArticleEditor({
  initial,
  choices,
  initialPreview,
  setting,
  notice,
  initialErrors,
}: {
  initial: EditorArticle;
  choices: EditorChoices;
  initialPreview: BodyPreview;
  setting: EditorSetting;
  notice?: string;
  initialErrors: FieldErrors;
}) {
  const saver = useArticleSaver(initial, initialErrors);
  const { article, content, dirty, state, fieldErrors } = saver;
  const { preview, current } = useLivePreview(content.body, initialPreview);
  const [message, setMessage] = useState<EditorMessage | null>(null);
  const { busy, onPublishing } = usePublishing(saver, setMessage);
  const interactive = useHydrated();
  const wide = useWideScreen();
  const tabbed = interactive && !wide;
  const [tab, setTab] = useState<EditorTab>("write");
  const other = useOtherVersion(saver);

  // Drafts save themselves; published and scheduled articles change only when
  // the editor says so, since readers (or the schedule) would see half-edits.
  const autosaves = article.status === "draft" && state.kind !== "conflict";
  const { save } = saver;
  useEffect(() => {
    if (!autosaves || !dirty || content.title.trim() === "") return;
    const timer = setTimeout(() => void save("auto"), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [content, autosaves, dirty, save]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const saveNow = async () => {
    setMessage(null);
    if (await save("manual")) {
      setMessage({ text: article.status === "published" ? "Saved: readers see the new version." : "Saved." });
    } else {
      // A field's error is shown beside it: on a phone, in the Write tab.
      setTab("write");
    }
  };
  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void saveNow();
  };
  useSaveShortcut(() => void saveNow());

  const { savedTitle } = saver;
  useEffect(() => {
    if (savedTitle.trim() !== "") document.title = `${savedTitle.trim()} | Newsroom`;
  }, [savedTitle]);

  const onShowSaved = async () => {
    if (!(await other.show())) {
      setMessage({ text: "The saved version could not be fetched. Your text is still here.", error: true });
    }
  };

  const errors = fieldErrors;
  // After a conflict, the other text: beside the Markdown on a wide screen, above the tabs on a narrow one.
  const otherPanel = other.other && (
    <OtherVersionPanel other={other.other} onLoad={other.loadIntoEditor} onClose={other.close} />
  );
  const saveLabel =
    article.id === null ? "Save draft" : article.status === "published" ? "Save and update the article" : "Save";
  return (
    <div className="article-editor">
      <div className="editor-bar">
        <h1 className="editor-heading">{savedTitle.trim() || "New article"}</h1>
        <div className="editor-bar-actions">
          <SaveStatus state={state} dirty={dirty} autosaves={autosaves} timeZone={setting.timeZone} />
          <button
            type="submit"
            form="editor-form"
            className="button button-primary"
            disabled={state.kind === "saving"}
            aria-keyshortcuts="Control+S Meta+S"
            title="Ctrl+S (⌘S)"
          >
            {saveLabel}
          </button>
        </div>
      </div>
      <EditorNotice code={message ? undefined : notice} message={message?.text} error={message?.error} />
      <ConflictAlert
        state={state}
        onOverwrite={(version) => void saver.overwrite(version)}
        onShowSaved={() => void onShowSaved()}
      />
      {!wide && otherPanel}
      {tabbed && <EditorTabs active={tab} onChange={setTab} />}
      <div className="editor-panes">
        <div className="editor-write" {...paneProps("write", tabbed, tab)}>
          <form
            id="editor-form"
            className="editor-form"
            method="post"
            action={article.id ? `/api/admin/articles/${article.id}` : "/api/admin/articles"}
            onSubmit={onSave}
            noValidate={interactive}
          >
            <input type="hidden" name="version" value={article.version} />
            <ArticleFields
              content={content}
              update={saver.update}
              errors={errors}
              choices={choices}
              currentSlug={article.slug}
              hasBeenPublic={article.hasBeenPublic}
              previewParagraphs={setting.previewParagraphs}
              markerLine={preview.cutBy === "marker" ? preview.cutLine : null}
              interactive={interactive}
            />
          </form>
        </div>
        <div className="editor-preview-pane" {...paneProps("preview", tabbed, tab)}>
          {wide && otherPanel}
          <LivePreview
            content={content}
            preview={preview}
            current={current}
            choices={choices}
            dateLine={dateLine(article.status, article.publishedAt, setting.timeZone)}
          />
        </div>
        <PublishingPanel
          id={article.id}
          version={article.version}
          status={article.status}
          publishedAt={article.publishedAt}
          slug={article.slug}
          timeZone={setting.timeZone}
          publishAtError={errors.publishAt}
          busy={busy}
          onAction={(event, action) => void onPublishing(event, action)}
        />
      </div>
    </div>
  );
}
