// Writing an article's content inside a transaction: checks what the database
// must confirm (authors and tags exist, the slug is free), bumps the version,
// keeps the old slug of a published article as a redirect, and writes the
// revision. Saving, creating and restoring all come through here.
import { bodyData } from "@/lib/articles/stored-cut";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/actor";
import type { ArticleContent, FieldErrors } from "./article-input";
import { chooseSlug } from "./article-slug";
import { hasBeenPublic, sameContent, type EditableArticle } from "./editable-article";

type Tx = Prisma.TransactionClient;

export type RevisionNote =
  "created" | "saved" | "autosaved" | `restored revision ${number}` | `imported from ${string}`;

// Content stored before revisions were kept (the seed, imports) gets one
// revision of its own before its first edit, so that it can be restored.
const ORIGINAL_NOTE = "as it was before the first edit";
const ORIGINAL_EDITOR = "before the newsroom";

/** Authors must exist; topics must be topics and regions regions. */
export async function checkTaxonomy(tx: Tx, content: ArticleContent): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (content.authorIds.length > 0) {
    const found = await tx.author.count({ where: { id: { in: content.authorIds } } });
    if (found !== content.authorIds.length) errors.authorIds = "One of these authors does not exist (any more).";
  }
  for (const [field, type] of [
    ["topicIds", "topic"],
    ["regionIds", "region"],
  ] as const) {
    const ids = content[field];
    if (ids.length === 0) continue;
    const found = await tx.tag.count({ where: { id: { in: ids }, type } });
    if (found !== ids.length) errors[field] = `One of these ${type}s does not exist (any more).`;
  }
  return errors;
}

export async function writeRevision(
  tx: Tx,
  editor: { id: string | null; label: string },
  articleId: string,
  number: number,
  content: ArticleContent,
  note: string,
): Promise<void> {
  const { title, dek, slug, body, kind, free, authorIds, topicIds, regionIds } = content;
  await tx.articleRevision.createMany({
    data: [
      {
        articleId,
        number,
        title,
        dek,
        slug,
        body,
        kind,
        free,
        authorIds,
        topicIds,
        regionIds,
        note,
        editorId: editor.id,
        editor: editor.label,
      },
    ],
    // The original of an article saved before revisions is written at most once.
    skipDuplicates: true,
  });
}

/** The article's columns for `content`: the body with its paywall cut, made here for every save. */
export function contentData(content: ArticleContent) {
  const { title, dek, slug, kind, free, body } = content;
  return { title, dek, slug, kind, free, ...bodyData(body) };
}

export function taxonomyRows(content: ArticleContent) {
  return {
    authors: content.authorIds.map((authorId, position) => ({ authorId, position })),
    tags: [...content.topicIds, ...content.regionIds].map((tagId) => ({ tagId })),
  };
}

export type WriteOutcome =
  | { kind: "written"; article: EditableArticle; previousSlug: string }
  | { kind: "unchanged"; article: EditableArticle }
  | { kind: "invalid"; fieldErrors: FieldErrors };

/**
 * Replaces `current`'s content with `wanted` (current must be locked by this
 * transaction). An empty slug means "made from the headline" for an article
 * that was never public; one that was keeps its slug.
 */
export async function writeContent(
  tx: Tx,
  actor: Actor,
  current: EditableArticle,
  wanted: ArticleContent,
  note: RevisionNote,
): Promise<WriteOutcome> {
  const errors = await checkTaxonomy(tx, wanted);
  if (current.status !== "draft" && wanted.body.trim() === "") {
    errors.body = `A ${current.status} article needs a body. Unpublish it first to empty it.`;
  }
  let slug = current.content.slug;
  const requested = wanted.slug === "" && hasBeenPublic(current) ? current.content.slug : wanted.slug;
  if (requested !== current.content.slug) {
    const choice = await chooseSlug(tx, { articleId: current.id, requested, title: wanted.title });
    if (choice.ok) slug = choice.slug;
    else errors.slug = choice.message;
  }
  if (Object.keys(errors).length > 0) return { kind: "invalid", fieldErrors: errors };

  const next: ArticleContent = { ...wanted, slug };
  if (sameContent(current.content, next)) return { kind: "unchanged", article: current };

  await writeRevision(
    tx,
    { id: null, label: ORIGINAL_EDITOR },
    current.id,
    current.version,
    current.content,
    ORIGINAL_NOTE,
  );
  const version = current.version + 1;
  const rows = taxonomyRows(next);
  const updated = await tx.article.update({
    where: { id: current.id },
    data: {
      ...contentData(next),
      version,
      authors: { deleteMany: {}, create: rows.authors },
      tags: { deleteMany: {}, create: rows.tags },
    },
    select: { updatedAt: true },
  });
  if (slug !== current.content.slug) {
    // The article holds its new slug itself now (it may be one of its own old ones).
    await tx.articleSlugRedirect.deleteMany({ where: { slug, articleId: current.id } });
    if (hasBeenPublic(current)) {
      const oldSlug = current.content.slug;
      await tx.articleSlugRedirect.upsert({
        where: { slug: oldSlug },
        create: { slug: oldSlug, articleId: current.id },
        update: { articleId: current.id },
      });
    }
  }
  await writeRevision(tx, actor, current.id, version, next, note);
  return {
    kind: "written",
    article: { ...current, version, updatedAt: updated.updatedAt, content: next },
    previousSlug: current.content.slug,
  };
}
