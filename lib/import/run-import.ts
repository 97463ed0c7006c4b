// Importing a publication's posts: the file is read twice. The first pass
// checks it whole and counts its posts, so that a truncated or hostile file
// is refused before anything is written and the progress bar knows its
// total; the second converts and writes them in batches, each its own
// transaction. An interrupted import is resumed by running it again: what a
// finished batch wrote is recognised (imported_items) and left alone.
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db } from "@/lib/db/prisma";
import { detectImportFile } from "./detect-import-file";
import { NO_MAPPING, type ImportMapping } from "./import-mapping";
import { importPostBatch, type BatchContext } from "./import-post-batch";
import { emptyReport, type ImportReport } from "./import-report";
import { ImportFileError, type ImportedPost, type ImportFormat, type ImportSourceReader } from "./import-source";
import { importAuthor, importTerm } from "./import-taxonomy";
import type { ImageSource } from "./image-source";
import { createImageLoader } from "./import-images";
import { linkUnloadedImages } from "./image-links";
import { readGhostExport } from "./sources/ghost-export";
import { readSubstackExport } from "./sources/substack-export";
import { readWordPressExport } from "./sources/wordpress-export";

export { detectImportFile } from "./detect-import-file";
export { reportSummary, type ImportReport } from "./import-report";

export type ImportProgress = { phase: "checking" | "importing"; done: number; total: number };

export type PostsImportOptions = {
  dryRun: boolean;
  drafts: "skip" | "import";
  actor: Actor;
  format?: ImportFormat;
  mapping?: ImportMapping;
  onProgress?: (progress: ImportProgress) => void;
  /** Posts per transaction. */
  batchSize?: number;
  /** Where the posts' images are (`--images`); without it they stay links. */
  images?: ImageSource;
};

const READERS: Record<ImportFormat, ImportSourceReader> = {
  ghost: readGhostExport,
  wordpress: readWordPressExport,
  substack: readSubstackExport,
};

/** A report listing more would itself become the memory problem; the count goes on. */
const MAX_PROBLEMS = 10_000;

// Long enough for a batch on the embedded database while editors save between batches.
const BATCH_TRANSACTION = { maxWait: 60_000, timeout: 300_000 } as const;

async function formatOf(path: string, given: ImportFormat | undefined): Promise<ImportFormat> {
  if (given) return given;
  const detected = await detectImportFile(path);
  if (detected.kind === "posts") return detected.format;
  if (detected.kind === "members") throw new ImportFileError("This is a members CSV: import it as readers.");
  throw new ImportFileError(detected.message);
}

async function countPosts(read: ImportSourceReader, path: string, options: PostsImportOptions): Promise<number> {
  let total = 0;
  for await (const item of read(path, { bodies: false })) {
    if (item.kind !== "post") continue;
    total += 1;
    if (total % 1_000 === 0) options.onProgress?.({ phase: "checking", done: total, total: 0 });
  }
  return total;
}

export async function importPosts(path: string, options: PostsImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const format = await formatOf(path, options.format);
  const read = READERS[format];
  const total = await countPosts(read, path, options);
  const report = emptyReport(format, options.dryRun);
  const mapping = options.mapping ?? NO_MAPPING;
  const context: BatchContext = {
    source: format,
    actor: options.actor,
    drafts: options.drafts,
    authors: new Map(),
    terms: new Map(),
    report,
    slugsGiven: new Set(),
    changed: { articleIds: [], slugs: [] },
  };
  const loadImages = options.images
    ? createImageLoader(options.images, { source: format, actor: options.actor, report })
    : null;
  let done = 0;
  let omitted = 0;
  const batchSize = options.batchSize ?? 250;
  let batch: ImportedPost[] = [];

  const writeBatch = async (posts: ImportedPost[]) => {
    if (options.dryRun) await importPostBatch(db(), posts, context);
    else {
      await db().$transaction(async (tx) => {
        // Two imports of one source at once take turns, batch by batch, so
        // neither creates what the other just did.
        await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`folio.import.${format}`}))) AS taken`;
        await importPostBatch(tx, posts, context);
      }, BATCH_TRANSACTION);
      if (context.changed.articleIds.length > 0) await refreshArticlePages({ ...context.changed, taxonomy: true });
      context.changed = { articleIds: [], slugs: [] };
    }
    done += posts.length;
    options.onProgress?.({ phase: "importing", done, total });
  };

  // One batch is written while the next is read and converted: the file's
  // work is this process's CPU, the batch's is mostly the database's, and
  // doing them in turn left each idle half the time (docs/importing.md).
  // Never more than one in flight, so batches commit in the file's order.
  let writing: Promise<void> = Promise.resolve();
  const startWriting = async () => {
    await writing;
    const posts = batch;
    batch = [];
    if (posts.length === 0) return;
    writing = writeBatch(posts);
    // Handled where it is awaited; this keeps a failure meanwhile from
    // counting as unhandled.
    writing.catch(() => {});
  };

  try {
    for await (const item of read(path, { bodies: true })) {
      switch (item.kind) {
        case "author":
          // Authors and terms are read outside the batch's transaction: the
          // embedded database has one connection, which that transaction holds.
          await writing;
          context.authors.set(item.key, await importAuthor(db(), format, item, report));
          break;
        case "term":
          await writing;
          context.terms.set(item.key, await importTerm(db(), format, item, mapping, report));
          break;
        case "problem":
          report.problems.push({ where: item.where, reason: item.reason });
          break;
        case "post":
          if (loadImages) await loadImages(item);
          item.markdown = linkUnloadedImages(item.markdown, item.imageUrls);
          batch.push(item);
          if (batch.length >= batchSize) await startWriting();
          break;
      }
      if (report.problems.length > MAX_PROBLEMS) {
        omitted += report.problems.length - MAX_PROBLEMS;
        report.problems.length = MAX_PROBLEMS;
      }
    }
    await startWriting();
  } finally {
    // A batch under way finishes (or rolls back) before the import answers.
    await writing.catch(() => {});
  }
  await writing;
  if (omitted > 0) report.problems.push({ where: "the rest", reason: `${omitted} more problems were not listed` });
  report.seconds = (performance.now() - started) / 1000;
  if (!options.dryRun) {
    const { posts, authors, topics, regions, redirects } = report;
    await recordAudit(db(), options.actor, {
      action: "import.posts",
      subject: format,
      details: { posts, authors, topics, regions, redirects, problems: report.problems.length },
    });
  }
  return report;
}
