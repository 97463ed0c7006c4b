// The notices of the authors, topics and regions pages. Problems with one
// field are shown next to that field instead (FIELD_PROBLEMS).
import type { NoticeTexts } from "../newsroom-notice";
import type { TaxonomyField } from "@/lib/newsroom/taxonomy/taxonomy-input";
import type { TaxonomyKindInfo } from "@/lib/newsroom/taxonomy/taxonomy-kinds";

export function taxonomyNotices(info: TaxonomyKindInfo, articleCount = 0): NoticeTexts {
  const { singular } = info;
  const articles = `${articleCount} ${articleCount === 1 ? "article" : "articles"}`;
  return {
    created: { text: `The ${singular} is created.` },
    saved: { text: "Saved." },
    merged: { text: `Merged: the articles moved here, and the other ${singular} is deleted.` },
    deleted: { text: `The ${singular} is deleted.` },
    "in-use": {
      text: `This ${singular} is on ${articles}, so it cannot be deleted: merge it into another ${singular} instead.`,
      error: true,
    },
    "not-found": { text: `There is no such ${singular}; someone may have merged or deleted it.`, error: true },
    "into-not-found": { text: `The ${singular} to merge into no longer exists.`, error: true },
    "choose-into": { text: `Choose the ${singular} to merge it into.`, error: true },
    "merge-same": { text: `A ${singular} cannot be merged into itself.`, error: true },
    "invalid-input": { text: "That request was not understood; nothing changed.", error: true },
    "slug-taken": { text: "Nothing was saved: see the slug below.", error: true },
    "invalid-name": { text: "Nothing was saved: see the name below.", error: true },
    "invalid-slug": { text: "Nothing was saved: see the slug below.", error: true },
    "invalid-role": { text: "Nothing was saved: see the role below.", error: true },
    "invalid-bio": { text: "Nothing was saved: see the bio below.", error: true },
    "invalid-description": { text: "Nothing was saved: see the description below.", error: true },
  };
}

export function fieldProblem(
  info: TaxonomyKindInfo,
  code: string | undefined,
): { field: TaxonomyField; text: string } | null {
  switch (code) {
    case "slug-taken":
      return { field: "slug", text: `Another ${info.singular} already has this slug. Choose another.` };
    case "invalid-slug":
      return {
        field: "slug",
        text: "A slug is lower-case letters and digits joined by single dashes, like middle-east, at most 80 characters.",
      };
    case "invalid-name":
      return { field: "name", text: "Give it a name of at most 120 characters." };
    case "invalid-role":
      return { field: "role", text: "The role can be at most 120 characters." };
    case "invalid-bio":
      return { field: "bio", text: "The bio can be at most 2,000 characters." };
    case "invalid-description":
      return { field: "description", text: "The description can be at most 2,000 characters." };
    default:
      return null;
  }
}
