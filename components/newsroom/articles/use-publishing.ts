"use client";
// Publish now, schedule, unpublish with JavaScript: what is on the screen is
// what gets published, so unsaved changes are saved first, and the action
// names the version just saved.
import { useState, type FormEvent } from "react";
import type { ArticleStatus, FieldErrors } from "./editor-types";
import type { PublishingAction } from "./publishing-panel";
import type { useArticleSaver } from "./use-article-saver";

export type EditorMessage = { text: string; error?: boolean };

type PublishingAnswer = {
  status?: ArticleStatus;
  publishedAt?: string | null;
  publishAt?: string;
  message?: string;
  fieldErrors?: FieldErrors;
};

export function usePublishing(
  saver: ReturnType<typeof useArticleSaver>,
  setMessage: (message: EditorMessage | null) => void,
) {
  const [busy, setBusy] = useState(false);
  const { save, article } = saver;
  const onPublishing = async (event: FormEvent<HTMLFormElement>, action: PublishingAction) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    setBusy(true);
    setMessage(null);
    try {
      // What is on the screen is what gets published: unsaved changes first.
      if (!(await save("manual"))) {
        setMessage({ text: "The article could not be saved, so nothing was published or scheduled.", error: true });
        return;
      }
      const response = await fetch(`/api/admin/articles/${saver.id()}/${action}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ version: saver.version(), publishAt: fields.get("publishAt") ?? undefined }),
      }).catch(() => null);
      const answer = ((await response?.json().catch(() => ({}))) ?? {}) as PublishingAnswer;
      if (!response?.ok) {
        if (answer.fieldErrors) saver.setFieldErrors(answer.fieldErrors);
        setMessage({ text: answer.message ?? "Folio could not be reached; nothing changed.", error: true });
        return;
      }
      saver.setFieldErrors({});
      saver.setPublication(answer.status ?? article.status, answer.publishAt ?? answer.publishedAt ?? null);
      setMessage({ text: answer.message ?? "Done." });
    } finally {
      setBusy(false);
    }
  };

  return { busy, onPublishing };
}
