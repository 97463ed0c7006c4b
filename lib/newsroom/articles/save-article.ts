// Creating and saving articles. A save names the version it was edited from;
// when someone saved in between, it is refused as a conflict rather than
// silently undoing their work. Every save that changes something is a
// revision.
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { Prisma } from "@/lib/db/generated/client";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import type { ArticleContent, FieldErrors } from "./article-input";
import { chooseSlug, SLUG_TAKEN } from "./article-slug";
import { lockArticle, type ArticleStatus } from "./editable-article";
import { checkTaxonomy, contentData, taxonomyRows, writeContent, writeRevision } from "./write-content";
import { NEWSROOM_TRANSACTION } from "./transaction-options";

function isSlugClash(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type CreateResult =
  { kind: "created"; id: string; version: number; slug: string } | { kind: "invalid"; fieldErrors: FieldErrors };

/** A new draft. */
export async function createArticle(actor: Actor, content: ArticleContent): Promise<CreateResult> {
  assertRole(actor, "editor");
  try {
    return await db().$transaction(async (tx) => {
      const errors = await checkTaxonomy(tx, content);
      const choice = await chooseSlug(tx, { articleId: null, requested: content.slug, title: content.title });
      if (!choice.ok) errors.slug = choice.message;
      if (!choice.ok || Object.keys(errors).length > 0) return { kind: "invalid", fieldErrors: errors } as const;
      const stored = { ...content, slug: choice.slug };
      const rows = taxonomyRows(stored);
      const created = await tx.article.create({
        data: {
          ...contentData(stored),
          status: "draft",
          version: 1,
          authors: { create: rows.authors },
          tags: { create: rows.tags },
        },
        select: { id: true },
      });
      await writeRevision(tx, actor, created.id, 1, stored, "created");
      return { kind: "created", id: created.id, version: 1, slug: choice.slug } as const;
    }, NEWSROOM_TRANSACTION);
  } catch (error) {
    // The advisory lock makes this rare; the unique index decides if it happens.
    if (isSlugClash(error)) return { kind: "invalid", fieldErrors: { slug: SLUG_TAKEN } };
    throw error;
  }
}

export type SaveResult =
  | { kind: "saved"; version: number; slug: string; status: ArticleStatus; savedAt: Date }
  | { kind: "unchanged"; version: number; slug: string; status: ArticleStatus; savedAt: Date }
  | { kind: "conflict"; version: number; status: ArticleStatus; savedAt: Date; savedBy: string | null }
  | { kind: "invalid"; fieldErrors: FieldErrors }
  | { kind: "not-found" };

/**
 * Saves `content` over the article if it is still at `version`. An autosave
 * is labelled as one in the revisions, and refused (as a conflict) once the
 * article is no longer a draft.
 */
export async function saveArticle(
  actor: Actor,
  id: string,
  edit: { content: ArticleContent; version: number },
  options: { autosave?: boolean } = {},
): Promise<SaveResult> {
  assertRole(actor, "editor");
  // The transaction answers with the result and the slugs readers must see anew.
  let outcome: { result: SaveResult; refreshSlugs: string[] };
  try {
    outcome = await db().$transaction(async (tx) => {
      const answer = (result: SaveResult, refreshSlugs: string[] = []) => ({ result, refreshSlugs });
      const current = await lockArticle(tx, id);
      if (!current) return answer({ kind: "not-found" });
      // Autosave is for drafts: once someone published or scheduled the
      // article, half-typed text must not reach it unasked.
      const notADraftAnyMore = options.autosave === true && current.status !== "draft";
      if (current.version !== edit.version || notADraftAnyMore) {
        const last = await tx.articleRevision.findFirst({
          where: { articleId: id },
          orderBy: { number: "desc" },
          select: { editor: true },
        });
        return answer({
          kind: "conflict",
          version: current.version,
          status: current.status,
          savedAt: current.updatedAt,
          savedBy: last?.editor ?? null,
        });
      }
      const written = await writeContent(tx, actor, current, edit.content, options.autosave ? "autosaved" : "saved");
      if (written.kind === "invalid") return answer(written);
      const { article } = written;
      const saved = {
        version: article.version,
        slug: article.content.slug,
        status: article.status,
        savedAt: article.updatedAt,
      };
      if (written.kind === "unchanged") return answer({ kind: "unchanged", ...saved });
      const live = article.status === "published";
      return answer(
        { kind: "saved", ...saved },
        live ? [...new Set([written.previousSlug, article.content.slug])] : [],
      );
    }, NEWSROOM_TRANSACTION);
  } catch (error) {
    if (isSlugClash(error)) return { kind: "invalid", fieldErrors: { slug: SLUG_TAKEN } };
    throw error;
  }
  if (outcome.refreshSlugs.length > 0) await refreshArticlePages({ articleIds: [id], slugs: outcome.refreshSlugs });
  return outcome.result;
}
