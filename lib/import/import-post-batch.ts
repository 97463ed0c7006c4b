// Writing a batch of imported posts, in one transaction: a post seen before
// with the same content is left alone, a changed one updates its article as a
// new revision, a new one becomes an article (with its first revision, its
// byline, topics and regions, and its old addresses as redirects). New
// articles are written with one statement per table for the whole batch:
// 50,000 posts one by one would take an hour (docs/importing.md).
// A dry run takes the same decisions and writes nothing.
import { createHash } from "node:crypto";
import { slugify } from "@/lib/articles/slugify";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { ArticleContent } from "@/lib/newsroom/articles/article-input";
import { LIMITS } from "@/lib/newsroom/articles/article-limits";
import { lockSlugs, slugHolder } from "@/lib/newsroom/articles/article-slug";
import { lockArticle } from "@/lib/newsroom/articles/editable-article";
import { contentData, taxonomyRows, writeContent } from "@/lib/newsroom/articles/write-content";
import type { TermTarget } from "./import-taxonomy";
import { FORMAT_NAMES, type ImportReport } from "./import-report";
import type { ImportedPost, ImportFormat } from "./import-source";
import { normalizeLegacyPath } from "@/lib/articles/legacy-path";

type Tx = Prisma.TransactionClient;

export type BatchContext = {
  source: ImportFormat;
  actor: Actor;
  drafts: "skip" | "import";
  authors: Map<string, string>;
  terms: Map<string, TermTarget | null>;
  report: ImportReport;
  /** Slugs this run has given (or, in a dry run, would have given) so far. */
  slugsGiven: Set<string>;
  /** What readers must see anew once the batch is written. */
  changed: { articleIds: string[]; slugs: string[] };
};

type Ready = {
  post: ImportedPost;
  hash: string;
  content: ArticleContent;
  status: "published" | "draft";
  paths: string[];
};

/** Of what was read, not of what Folio made of it: a re-import of the same post is recognised without redoing the work. */
export function postHash(post: ImportedPost): string {
  const { title, dek, slug, markdown, free, status, publishedAt, authorKeys, termKeys, oldPaths } = post;
  const read = [
    title,
    dek,
    slug,
    markdown,
    free,
    status,
    publishedAt?.toISOString() ?? null,
    authorKeys,
    termKeys,
    oldPaths,
  ];
  return createHash("sha256").update(JSON.stringify(read)).digest("base64url");
}

function problem(context: BatchContext, post: ImportedPost, reason: string): void {
  context.report.problems.push({ where: post.where, reason });
}

/** The post as an article's content, or null (reported) when it cannot be one. */
function prepare(post: ImportedPost, context: BatchContext): Ready | null {
  const title = post.title.replace(/\s+/g, " ").trim();
  if (title === "") return (problem(context, post, "it has no title: not imported"), null);
  if (title.length > LIMITS.title)
    return (problem(context, post, `its title is over ${LIMITS.title} characters: not imported`), null);
  if (post.markdown.length > LIMITS.body)
    return (
      problem(context, post, `its text is over ${LIMITS.body.toLocaleString("en-US")} characters: not imported`),
      null
    );
  const status: "published" | "draft" = post.status === "published" ? "published" : "draft";
  if (status === "draft" && context.drafts === "skip") {
    if (post.status === "scheduled") problem(context, post, "it was scheduled: skipped with the drafts");
    context.report.posts.skipped += 1;
    return null;
  }
  if (post.status === "scheduled") problem(context, post, "it was scheduled: imported as a draft, to schedule again");
  if (status === "published" && post.markdown.trim() === "")
    return (problem(context, post, "it has no text: not imported"), null);
  const authorIds = [
    ...new Set(post.authorKeys.map((key) => context.authors.get(key)).filter((id) => id !== undefined)),
  ];
  const terms = [...new Set(post.termKeys)].map((key) => context.terms.get(key)).filter((term) => term != null);
  const dek = post.dek.replace(/\s+/g, " ").trim();
  const content: ArticleContent = {
    title,
    dek: dek.length > LIMITS.dek ? `${dek.slice(0, LIMITS.dek - 1).trimEnd()}…` : dek,
    slug: "",
    kind: "daily",
    free: post.free,
    authorIds: authorIds.slice(0, LIMITS.authors),
    topicIds: [...new Set(terms.filter((term) => term.type === "topic").map((term) => term.id))].slice(0, LIMITS.tags),
    regionIds: [...new Set(terms.filter((term) => term.type === "region").map((term) => term.id))].slice(
      0,
      LIMITS.tags,
    ),
    body: post.markdown,
  };
  const paths = [...new Set(post.oldPaths.map(normalizeLegacyPath).filter((path) => path !== null))];
  return { post, hash: postHash(post), content, status, paths };
}

function baseSlug(post: ImportedPost): string {
  return slugify(post.slug) || slugify(post.title) || `post-${slugify(post.key) || "imported"}`;
}

/** Of `slugs`, those an article or an article's old link holds: one query each for the whole batch. */
async function takenSlugs(tx: Tx, slugs: string[]): Promise<Set<string>> {
  const [articles, redirects] = await Promise.all([
    tx.article.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }),
    tx.articleSlugRedirect.findMany({ where: { slug: { in: slugs } }, select: { slug: true } }),
  ]);
  return new Set([...articles, ...redirects].map((row) => row.slug));
}

/**
 * Free slugs for the batch's new articles: the source's, made Folio slugs,
 * with a number added on a clash (asked one by one: clashes are rare).
 */
async function chooseImportSlugs(tx: Tx, batch: Ready[], context: BatchContext): Promise<void> {
  const bases = batch.map((ready) => baseSlug(ready.post));
  const taken = await takenSlugs(tx, bases);
  const isTaken = async (slug: string) =>
    context.slugsGiven.has(slug) || taken.has(slug) || (await slugHolder(tx, slug, null)) !== null;
  for (const [index, ready] of batch.entries()) {
    const base = bases[index]!;
    let slug = base;
    if (context.slugsGiven.has(base) || taken.has(base)) {
      for (let n = 2; await isTaken(slug); n++) slug = `${base.slice(0, 100).replace(/-+$/, "")}-${n}`;
      problem(context, ready.post, `the address /articles/${base} is taken: imported as /articles/${slug}`);
    }
    context.slugsGiven.add(slug);
    ready.content.slug = slug;
  }
}

/** The paths no other article holds yet; a clash is reported. */
async function freePaths(tx: Tx, batch: Ready[], articleIds: Map<Ready, string | null>, context: BatchContext) {
  const all = batch.flatMap((ready) => ready.paths);
  const held = new Map(
    (await tx.legacyPath.findMany({ where: { path: { in: all } }, select: { path: true, articleId: true } })).map(
      (row) => [row.path, row.articleId],
    ),
  );
  const rows: { path: string; articleId: string }[] = [];
  for (const ready of batch) {
    const articleId = articleIds.get(ready) ?? null;
    for (const path of ready.paths) {
      const holder = held.get(path);
      if (holder === undefined) {
        held.set(path, articleId ?? "this batch");
        if (articleId) rows.push({ path, articleId });
        context.report.redirects += 1;
      } else if (holder !== articleId) {
        problem(context, ready.post, `the old address ${path} already leads to another article: not redirected`);
      }
    }
  }
  return rows;
}

async function createArticles(tx: Tx, batch: Ready[], context: BatchContext): Promise<void> {
  if (batch.length === 0) return;
  const { report, actor, source } = context;
  report.posts.created += batch.length;
  if (!report.dryRun) await lockSlugs(tx);
  await chooseImportSlugs(tx, batch, context);
  if (report.dryRun) {
    await freePaths(tx, batch, new Map(), context);
    return;
  }
  const now = new Date();
  const created = await tx.article.createManyAndReturn({
    data: batch.map(({ content, status, post }) => {
      const publishedAt = status === "published" ? (post.publishedAt ?? now) : null;
      return {
        ...contentData(content),
        status,
        publishedAt,
        firstPublished: publishedAt,
        createdAt: post.publishedAt ?? now,
        version: 1,
      };
    }),
    select: { id: true, slug: true },
  });
  const idOf = new Map(created.map((row) => [row.slug, row.id]));
  const articleIds = new Map(batch.map((ready) => [ready, idOf.get(ready.content.slug)!] as const));
  const rows = batch.map((ready) => ({ ready, articleId: articleIds.get(ready)!, ...taxonomyRows(ready.content) }));
  await tx.articleAuthor.createMany({
    data: rows.flatMap(({ articleId, authors }) => authors.map((author) => ({ articleId, ...author }))),
  });
  await tx.articleTag.createMany({
    data: rows.flatMap(({ articleId, tags }) => tags.map((tag) => ({ articleId, ...tag }))),
  });
  await tx.articleRevision.createMany({
    data: rows.map(({ ready: { content }, articleId }) => ({
      articleId,
      number: 1,
      ...content,
      note: `imported from ${FORMAT_NAMES[source]}`,
      editorId: actor.id,
      editor: actor.label,
    })),
  });
  // Upserted one by one only where an earlier import's article was deleted since.
  await tx.importedItem.deleteMany({
    where: { source, kind: "article", externalKey: { in: batch.map((ready) => ready.post.key) } },
  });
  await tx.importedItem.createMany({
    data: rows.map(({ ready, articleId }) => ({
      source,
      kind: "article",
      externalKey: ready.post.key,
      targetId: articleId,
      contentHash: ready.hash,
    })),
  });
  await tx.legacyPath.createMany({ data: await freePaths(tx, batch, articleIds, context) });
  const published = rows.filter(({ ready }) => ready.status === "published");
  context.changed.articleIds.push(...published.map((row) => row.articleId));
  context.changed.slugs.push(...published.map((row) => row.ready.content.slug));
}

async function updateArticle(tx: Tx, ready: Ready, articleId: string, context: BatchContext): Promise<void> {
  const { report, actor, source } = context;
  report.posts.updated += 1;
  if (report.dryRun) return;
  const current = await lockArticle(tx, articleId);
  if (!current) return;
  const wanted = { ...ready.content, slug: current.content.slug };
  const written = await writeContent(tx, actor, current, wanted, `imported from ${FORMAT_NAMES[source]}`);
  if (written.kind === "invalid")
    problem(context, ready.post, `its update was refused: ${Object.values(written.fieldErrors).join(" ")}`);
  // A post published at the source since the last import goes live here too;
  // one unpublished there stays as the newsroom has it.
  if (ready.status === "published" && current.status === "draft") {
    const publishedAt = ready.post.publishedAt ?? new Date();
    await tx.article.update({
      where: { id: articleId },
      data: { status: "published", publishedAt, firstPublished: current.firstPublished ?? publishedAt },
    });
  }
  await tx.importedItem.update({
    where: { source_kind_externalKey: { source, kind: "article", externalKey: ready.post.key } },
    data: { contentHash: ready.hash },
  });
  await tx.legacyPath.createMany({ data: await freePaths(tx, [ready], new Map([[ready, articleId]]), context) });
  context.changed.articleIds.push(articleId);
  context.changed.slugs.push(current.content.slug);
}

export async function importPostBatch(tx: Tx, posts: ImportedPost[], context: BatchContext): Promise<void> {
  const batch = posts.map((post) => prepare(post, context)).filter((ready) => ready !== null);
  const earlier = new Map(
    (
      await tx.importedItem.findMany({
        where: { source: context.source, kind: "article", externalKey: { in: batch.map((ready) => ready.post.key) } },
        select: { externalKey: true, targetId: true, contentHash: true },
      })
    ).map((item) => [item.externalKey, item]),
  );
  const stillThere = new Set(
    (
      await tx.article.findMany({
        where: { id: { in: [...earlier.values()].map((item) => item.targetId) } },
        select: { id: true },
      })
    ).map((article) => article.id),
  );
  const fresh: Ready[] = [];
  for (const ready of batch) {
    const item = earlier.get(ready.post.key);
    if (!item || !stillThere.has(item.targetId)) fresh.push(ready);
    else if (item.contentHash === ready.hash) context.report.posts.unchanged += 1;
    else await updateArticle(tx, ready, item.targetId, context);
  }
  await createArticles(tx, fresh, context);
}
