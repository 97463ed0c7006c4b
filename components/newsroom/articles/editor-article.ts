// Turns a stored article into what the editor starts from, and reads what a
// form post without JavaScript sent back (?notice=…&error.<field>=…).
import type { SearchParamValue } from "@/lib/http/search-params";
import type { FieldErrors } from "@/lib/newsroom/articles/article-input";
import { hasBeenPublic, type EditableArticle } from "@/lib/newsroom/articles/editable-article";
import { fieldErrorParam } from "@/lib/newsroom/articles/editor-answer";
import { editorContent } from "./editor-content";
import type { EditorArticle } from "./editor-types";

const FIELDS = [
  "title",
  "dek",
  "slug",
  "kind",
  "free",
  "authorIds",
  "topicIds",
  "regionIds",
  "body",
  "version",
  "publishAt",
] as const;

/** The stored article as the editor starts from it (the slug as in editor-content.ts). */
export function toEditorArticle(article: EditableArticle): EditorArticle {
  const isPublic = hasBeenPublic(article);
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    hasBeenPublic: isPublic,
    savedAt: article.updatedAt.toISOString(),
    content: editorContent(article.content, isPublic),
  };
}

export const NEW_ARTICLE: EditorArticle = {
  id: null,
  version: 1,
  status: "draft",
  publishedAt: null,
  hasBeenPublic: false,
  savedAt: null,
  content: {
    title: "",
    dek: "",
    slug: "",
    kind: "daily",
    free: false,
    authorIds: [],
    topicIds: [],
    regionIds: [],
    body: "",
  },
};

const first = (value: SearchParamValue) => (Array.isArray(value) ? value[0] : value);

export function noticeFrom(params: Record<string, SearchParamValue>): { notice?: string; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const field of FIELDS) {
    const message = first(params[fieldErrorParam(field)]);
    if (message) errors[field] = message.slice(0, 300);
  }
  return { notice: first(params.notice)?.slice(0, 40), errors };
}
