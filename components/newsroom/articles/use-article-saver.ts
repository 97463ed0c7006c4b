"use client";
// The editor's saving: one save at a time (a save started while another runs
// waits for it, so an editor's own saves never race), each naming the version
// it was edited from. When someone else saved in between, the server refuses
// with 409 and the editor is told, with the choice of saving their text over
// it or loading the other (their own text then stays on the page to copy);
// nothing is overwritten unasked, and nothing typed is thrown away.
import { useCallback, useRef, useState } from "react";
import { sameContent } from "@/lib/newsroom/articles/same-content";
import type { ArticleContent, ArticleStatus, EditorArticle, FieldErrors } from "./editor-types";

export type SaveState =
  | { kind: "new" }
  | { kind: "saved"; at: string }
  | { kind: "saving" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string; version: number; status: ArticleStatus };

export type SaveMode = "auto" | "manual";

type Answer = {
  id?: string;
  version?: number;
  slug?: string;
  status?: ArticleStatus;
  savedAt?: string;
  message?: string;
  fieldErrors?: FieldErrors;
};

const JSON_HEADERS = { "Content-Type": "application/json", Accept: "application/json" };

function refusal(status: number, answer: Answer): string {
  if (status === 401)
    return "You are signed out, so nothing was saved. Sign in again in another tab; your text is still here.";
  if (status === 403) return "Your account can no longer edit articles, so nothing was saved.";
  return answer.message ?? `Not saved: Folio answered ${status}. Your text is still here.`;
}

export function useArticleSaver(initial: EditorArticle, initialErrors: FieldErrors = {}) {
  const [article, setArticle] = useState({
    id: initial.id,
    version: initial.version,
    status: initial.status,
    publishedAt: initial.publishedAt,
    hasBeenPublic: initial.hasBeenPublic,
    slug: initial.content.slug,
  });
  const [content, setContent] = useState(initial.content);
  const [saved, setSaved] = useState(initial.content);
  const [state, setState] = useState<SaveState>(
    initial.id && initial.savedAt ? { kind: "saved", at: initial.savedAt } : { kind: "new" },
  );
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>(initialErrors);

  // What the next save reads: refs, because saves run after renders.
  const latest = useRef({ content: initial.content, saved: initial.content, id: initial.id, version: initial.version });
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const update = useCallback((change: Partial<ArticleContent>) => {
    const next = { ...latest.current.content, ...change };
    latest.current.content = next;
    setContent(next);
  }, []);

  const saveOnce = useCallback(async (mode: SaveMode, force: boolean): Promise<boolean> => {
    const { content: sending, id, version } = latest.current;
    if (id && !force && sameContent(sending, latest.current.saved)) return true;
    setState({ kind: "saving" });
    let response: Response;
    try {
      response = await fetch(id ? `/api/admin/articles/${id}` : "/api/admin/articles", {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ ...sending, version, autosave: mode === "auto" }),
      });
    } catch {
      setState({
        kind: "failed",
        message: "Folio could not be reached, so nothing was saved. Your text is still here.",
      });
      return false;
    }
    const answer = (await response.json().catch(() => ({}))) as Answer;
    if (response.ok) {
      const newId = answer.id ?? id;
      latest.current = { ...latest.current, saved: sending, id: newId, version: answer.version ?? version };
      setSaved(sending);
      setArticle((before) => ({
        ...before,
        id: newId,
        version: answer.version ?? version,
        status: answer.status ?? before.status,
        slug: answer.slug ?? before.slug,
      }));
      setFieldErrors({});
      setState({ kind: "saved", at: answer.savedAt ?? new Date().toISOString() });
      // The new article has an address now; reloading the page keeps it.
      if (!id && newId) window.history.replaceState(null, "", `/admin/articles/${newId}`);
      return true;
    }
    if (response.status === 409) {
      // Someone may have published it meanwhile: then autosave stops here too.
      if (answer.status) setArticle((before) => ({ ...before, status: answer.status ?? before.status }));
      setState({
        kind: "conflict",
        message: answer.message ?? "Someone saved this article after you opened it, so your changes were not saved.",
        version: answer.version ?? version,
        status: answer.status ?? "draft",
      });
      return false;
    }
    if (response.status === 400 && answer.fieldErrors) setFieldErrors(answer.fieldErrors);
    setState({ kind: "failed", message: refusal(response.status, answer) });
    return false;
  }, []);

  /** Saves what is in the editor now, after any save already running. */
  const save = useCallback(
    (mode: SaveMode, force = false): Promise<boolean> => {
      const run = queue.current.then(() => saveOnce(mode, force));
      queue.current = run.catch(() => undefined);
      return run;
    },
    [saveOnce],
  );

  /** After a conflict: save this editor's text over the other save (which stays a revision). */
  const overwrite = useCallback(
    (version: number) => {
      latest.current.version = version;
      return save("manual", true);
    },
    [save],
  );

  /**
   * After a conflict: the saved version goes into the editor, as the version
   * the next save starts from. The caller keeps the text it replaces.
   */
  const load = useCallback(
    (other: { content: ArticleContent; version: number; status: ArticleStatus; savedAt: string }) => {
      latest.current = { ...latest.current, content: other.content, saved: other.content, version: other.version };
      setContent(other.content);
      setSaved(other.content);
      setArticle((before) => ({ ...before, version: other.version, status: other.status }));
      setFieldErrors({});
      setState({ kind: "saved", at: other.savedAt });
    },
    [],
  );

  const setPublication = useCallback((status: ArticleStatus, publishedAt: string | null) => {
    setArticle((before) => ({
      ...before,
      status,
      publishedAt,
      hasBeenPublic: before.hasBeenPublic || status === "published",
    }));
  }, []);

  return {
    article,
    content,
    update,
    dirty: !sameContent(content, saved),
    state,
    fieldErrors,
    setFieldErrors,
    save,
    overwrite,
    load,
    setPublication,
    /** The headline as last saved: the page's heading. */
    savedTitle: saved.title,
    /** The version the editor's text was last saved as, and the article's id (for publishing). */
    version: () => latest.current.version,
    id: () => latest.current.id,
  };
}
