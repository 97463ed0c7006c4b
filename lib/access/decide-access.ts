// Who may read what. Every surface that shows article text asks this one pure
// function, and loads the gated text only when it answers "full".

export type AccessLevel = "full" | "preview";

export type AccessReason =
  | "free-article"
  | "unlocked"
  | "anonymous"
  | "quota-available"
  | "quota-exhausted";

export type AccessDecision = { level: AccessLevel; reason: AccessReason };

/** What the decision needs to know about the article. */
export type ArticleForAccess = { free: boolean };

/** A signed-in reader, as far as this article is concerned. */
export type ReaderForAccess = {
  /** The reader unlocked this article with a free article (any month). */
  unlockedThisArticle: boolean;
  /** Free articles the reader spent in the current calendar month. */
  unlocksThisMonth: number;
};

export type AccessPolicy = { freeArticlesPerMonth: number };

export function decideAccess(
  reader: ReaderForAccess | null,
  article: ArticleForAccess,
  policy: AccessPolicy,
): AccessDecision {
  if (article.free) return { level: "full", reason: "free-article" };
  if (reader === null) return { level: "preview", reason: "anonymous" };
  if (reader.unlockedThisArticle) return { level: "full", reason: "unlocked" };
  // Unlocking is a deliberate choice of the reader: a quota left still shows
  // the preview, with the offer to spend one.
  if (reader.unlocksThisMonth < policy.freeArticlesPerMonth) {
    return { level: "preview", reason: "quota-available" };
  }
  return { level: "preview", reason: "quota-exhausted" };
}
