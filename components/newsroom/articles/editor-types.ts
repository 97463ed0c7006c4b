// What the editor page hands the article editor (a client component).
import type { ArticleContent, FieldErrors } from "@/lib/newsroom/articles/article-input";
import type { ArticleStatus } from "@/lib/newsroom/articles/editable-article";
import type { BodyPreview } from "@/lib/newsroom/articles/preview-article-body";

export type EditorArticle = {
  /** Null until the first save of a new article. */
  id: string | null;
  version: number;
  status: ArticleStatus;
  /** When it went (or goes) live, ISO; null for a draft. */
  publishedAt: string | null;
  /** Published now or before: a changed slug keeps a redirect, and stays put when emptied. */
  hasBeenPublic: boolean;
  /** The last save, ISO. */
  savedAt: string | null;
  content: ArticleContent;
};

export type EditorSetting = {
  timeZone: string;
  previewParagraphs: number;
};

export type { ArticleContent, ArticleStatus, BodyPreview, FieldErrors };
