"use client";
// The other side of a conflict (other-version.tsx): fetching the version
// someone saved, and swapping it into the editor while keeping the editor's
// own text beside it.
import { useCallback, useState } from "react";
import { editorContent } from "./editor-content";
import type { ArticleContent, ArticleStatus } from "./editor-types";
import type { OtherVersion } from "./other-version";
import type { useArticleSaver } from "./use-article-saver";

type Saved = {
  version: number;
  status: ArticleStatus;
  firstPublished: string | null;
  updatedAt: string;
  content: ArticleContent;
};

export function useOtherVersion(saver: ReturnType<typeof useArticleSaver>) {
  const [other, setOther] = useState<OtherVersion | null>(null);
  const { load, content, article } = saver;

  /** Fetches the saved version; false when it could not be had. */
  const show = useCallback(async (): Promise<boolean> => {
    const response = await fetch(`/api/admin/articles/${saver.id()}`, {
      headers: { Accept: "application/json" },
    }).catch(() => null);
    if (!response?.ok) return false;
    const saved = (await response.json()) as Saved;
    const isPublic = article.hasBeenPublic || saved.status === "published" || saved.firstPublished !== null;
    setOther({
      kind: "saved",
      content: editorContent(saved.content, isPublic),
      version: saved.version,
      status: saved.status,
      savedAt: saved.updatedAt,
    });
    return true;
  }, [saver, article.hasBeenPublic]);

  const loadIntoEditor = useCallback(() => {
    if (other?.kind !== "saved") return;
    const mine = content;
    load(other);
    setOther({ kind: "mine", content: mine });
  }, [other, content, load]);

  return { other, show, loadIntoEditor, close: () => setOther(null) };
}
