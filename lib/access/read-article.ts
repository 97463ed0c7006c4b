// The one read of article text for readers. Every surface that shows an
// article's words (the article page, search snippets, newsletters and their
// web archive, the feed, the JSON API) asks here: the access decision comes
// with the preview and, only when the decision is "full", the gated part.
// This is the only module that selects the gated part (gatedMarkdown); the
// Prisma client leaves it and the whole body out of every query that does
// not name them (lib/db/prisma.ts), and lib/access/gated-text-readers.test.ts
// fails if another module names them.
//
// The parts were cut when the article was saved (lib/articles/paywall-cut.ts);
// nothing here cuts.
import type { ArticleSummary } from "@/lib/articles/article-queries";
import { getArticleBySlug } from "@/lib/articles/article-queries";
import { renderMarkdown } from "@/lib/articles/render-markdown";
import type { Reader } from "@/lib/auth/get-reader";
import { articleTag } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { db } from "@/lib/db/prisma";
import {
  accessForArticle,
  accessForArticles,
  decideForAudience,
  type ArticleAccess,
  type BrowserContext,
} from "./article-access";
import type { AccessDecision, AccessLevel, ReaderForAccess } from "./decide-access";
import { noteOrganisationRead } from "./organisation-reads";

export type ArticleText = {
  /** What the surface shows: the decision's level, capped by the surface's `maxLevel`. */
  level: AccessLevel;
  decision: AccessDecision;
  previewMarkdown: string;
  /** Whether anything is behind the cut (short articles have nothing). */
  hasGatedPart: boolean;
  /** The rest of the article: loaded only when `level` is "full" and there is a rest; null otherwise. */
  gatedMarkdown: string | null;
};

export type ReadOptions = {
  now?: Date;
  /**
   * The most this surface shows, whatever the decision: "preview" for the
   * feed and for newsletters that carry previews only.
   */
  maxLevel?: AccessLevel;
  /**
   * What the request's browser brings: a client address in an organisation's
   * IP range reads search results and archived issues whole, as it does the
   * article page. Only a surface whose response is private may pass it.
   */
  browser?: BrowserContext;
};

type ArticleRef = { id: string; free: boolean };

function capped(decision: AccessDecision, maxLevel: AccessLevel = "full"): AccessLevel {
  return maxLevel === "full" ? decision.level : "preview";
}

/** The gated parts of `ids`, which the caller has decided may be read in full. Never cached. */
async function loadGatedParts(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db().article.findMany({
    where: { id: { in: ids }, hasGatedPart: true },
    select: { id: true, gatedMarkdown: true },
  });
  return new Map(rows.map((row) => [row.id, row.gatedMarkdown]));
}

async function readTexts(
  articles: ArticleRef[],
  decisions: Map<string, AccessDecision>,
  maxLevel: AccessLevel | undefined,
): Promise<Map<string, ArticleText>> {
  if (articles.length === 0) return new Map();
  const levels = new Map(articles.map((article) => [article.id, capped(decisions.get(article.id)!, maxLevel)]));
  const fullIds = articles.filter((article) => levels.get(article.id) === "full").map((article) => article.id);
  const [previews, gated] = await Promise.all([
    db().article.findMany({
      where: { id: { in: articles.map((article) => article.id) } },
      select: { id: true, previewMarkdown: true, hasGatedPart: true },
    }),
    loadGatedParts(fullIds),
  ]);
  return new Map(
    previews.map((row) => [
      row.id,
      {
        level: levels.get(row.id)!,
        decision: decisions.get(row.id)!,
        previewMarkdown: row.previewMarkdown,
        hasGatedPart: row.hasGatedPart,
        gatedMarkdown: gated.get(row.id) ?? null,
      },
    ]),
  );
}

/**
 * The text of several articles (a page of search results, a newsletter
 * issue, the feed) as `reader` may read them, by article id. An article that
 * no longer exists is missing from the map.
 */
export async function readArticlesFor(
  reader: Reader | null,
  articles: ArticleRef[],
  options: ReadOptions = {},
): Promise<Map<string, ArticleText>> {
  const decisions = await accessForArticles(reader, articles, options.now ?? new Date(), options.browser);
  return readTexts(articles, decisions, options.maxLevel);
}

/** As readArticlesFor, for a representative reader whose facts are given (a newsletter's audience). */
export async function readArticlesForAudience(
  audience: ReaderForAccess,
  articles: ArticleRef[],
  options: ReadOptions = {},
): Promise<Map<string, ArticleText>> {
  const now = options.now ?? new Date();
  const decisions = new Map(articles.map((article) => [article.id, decideForAudience(audience, article, now)]));
  return readTexts(articles, decisions, options.maxLevel);
}

/** The level a newsletter's audience gets of an article, without reading any text (the newsroom's issue page). */
export function audienceLevel(
  audience: ReaderForAccess,
  article: { free: boolean },
  options: Required<Omit<ReadOptions, "browser">>,
): AccessLevel {
  return capped(decideForAudience(audience, article, options.now), options.maxLevel);
}

export type RenderedPreview = {
  /** The preview as sanitized HTML. */
  previewHtml: string;
  hasGatedPart: boolean;
};

/**
 * An article's preview rendered to HTML: the same for every reader, so
 * cached across requests until the article changes. Only the preview is
 * selected here, so the gated part never enters the shared cache.
 */
const renderedPreview = sharedRead(
  async (articleId: string): Promise<RenderedPreview | null> => {
    const row = await db().article.findUnique({
      where: { id: articleId },
      select: { previewMarkdown: true, hasGatedPart: true },
    });
    return row ? { previewHtml: renderMarkdown(row.previewMarkdown), hasGatedPart: row.hasGatedPart } : null;
  },
  { name: "rendered-preview", tags: (articleId) => [articleTag(articleId)] },
);

export type ArticleRead = RenderedPreview & {
  article: ArticleSummary;
  access: ArticleAccess;
  /** The rest of the article, for a "full" decision only; read per request, never cached. */
  gatedMarkdown: string | null;
};

/**
 * A published article by its address, as `reader` (and what the article
 * page's browser brings: instant access, a gift, an organisation's address)
 * may read it; null when there is none.
 */
export async function readArticleFor(
  reader: Reader | null,
  slug: string,
  now = new Date(),
  browser: BrowserContext = {},
): Promise<ArticleRead | null> {
  const article = await getArticleBySlug(slug);
  if (!article) return null;
  // The decision is this reader's, the rendered preview everyone's (cached).
  const [access, preview] = await Promise.all([
    accessForArticle(reader, article, now, browser),
    renderedPreview(article.id),
  ]);
  if (!preview) return null;
  const full = access.decision.level === "full" && preview.hasGatedPart;
  const gatedMarkdown = full ? ((await loadGatedParts([article.id])).get(article.id) ?? null) : null;
  // A seat holder's last read, for their organisation's manager.
  if (reader && access.decision.reason === "organisation") await noteOrganisationRead(reader.id, now);
  return { article, access, ...preview, gatedMarkdown };
}
