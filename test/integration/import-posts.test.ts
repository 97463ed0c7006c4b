// Importing exports into real PostgreSQL. A Ghost export: the preview writes nothing,
// the import makes articles with their cut, byline, topics and old
// addresses, a second import of the same file changes nothing, a changed
// post becomes a new revision, and an import killed half-way is finished by
// running it again, with nothing doubled. The readers' side (old addresses
// redirecting, the imported preview behind the paywall) is in e2e/import.spec.ts.
// WordPress and Substack: the same path from their own files, with their cuts
// and their old addresses.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { findLegacyPathSlug } from "@/lib/articles/slug-redirects";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { db } from "@/lib/db/prisma";
import { imagesFromDirectory } from "@/lib/import/image-source";
import { ImportFileError } from "@/lib/import/import-source";
import sharp from "sharp";
import { importPosts } from "@/lib/import/run-import";
import { zipSubstackExport } from "../fixtures/import/substack-zip";

const GHOST = path.resolve(import.meta.dirname, "../fixtures/import/ghost/ghost-export.json");
const WORDPRESS = path.resolve(import.meta.dirname, "../fixtures/import/wordpress/wordpress-export.xml");
// Some of the fixture's posts that are published at the source (the others:
// one in Cyrillic, a draft, a scheduled post and a page).
const PUBLISHED = ["the-price-of-cheap-money", "reading-the-budget-tables", "uber-die-krise"];

async function importedArticles(source = "ghost") {
  const items = await db().importedItem.findMany({ where: { source, kind: "article" } });
  return db().article.findMany({
    where: { id: { in: items.map((item) => item.targetId) } },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      free: true,
      version: true,
      updatedAt: true,
      body: true,
      previewMarkdown: true,
      gatedMarkdown: true,
      authors: { orderBy: { position: "asc" }, select: { author: { select: { slug: true } } } },
      tags: { select: { tagId: true, tag: { select: { slug: true, type: true } } } },
      _count: { select: { revisions: true } },
    },
    orderBy: { slug: "asc" },
  });
}

// Each test starts from no import of the fixture: what an earlier test (or
// run on the same database) imported is removed with its bookkeeping.
beforeEach(async () => {
  const sources = ["ghost", "wordpress", "substack"];
  const items = await db().importedItem.findMany({ where: { source: { in: sources }, kind: "article" } });
  await db().article.deleteMany({ where: { id: { in: items.map((item) => item.targetId) } } });
  await db().importedItem.deleteMany({ where: { source: { in: sources } } });
});

function copyOfFixture(change: (json: { db: { data: { posts: Record<string, unknown>[] } }[] }) => void): string {
  const json = JSON.parse(readFileSync(GHOST, "utf8"));
  change(json);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "folio-import-")), "ghost.json");
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe("importing a Ghost export", () => {
  it("previews without writing anything", async () => {
    const articlesBefore = await db().article.count();
    const report = await importPosts(GHOST, { dryRun: true, drafts: "skip", actor: COMMAND_LINE });
    expect(report.dryRun).toBe(true);
    expect(report.posts.created).toBeGreaterThanOrEqual(PUBLISHED.length);
    expect(report.problems.map((problem) => problem.reason).join("\n")).toMatch(/page/);
    expect(await db().article.count()).toBe(articlesBefore);
    expect(await db().importedItem.count({ where: { source: "ghost" } })).toBe(0);
  });

  it("makes articles with their cut, byline, topics and old addresses", async () => {
    const report = await importPosts(GHOST, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    const articles = await importedArticles();
    expect(report.posts.created).toBe(articles.length);
    for (const slug of PUBLISHED) expect(articles.map((article) => article.slug)).toContain(slug);
    expect(articles.every((article) => article.status === "published")).toBe(true);

    const paywalled = articles.find((article) => article.slug === "the-price-of-cheap-money")!;
    expect(paywalled.free).toBe(false);
    expect(paywalled.body).toContain("<!-- paywall -->");
    // The preview is what came before Ghost's members-only card, and only that.
    const [before, after] = paywalled.body.split("<!-- paywall -->");
    expect(paywalled.previewMarkdown.trim()).toBe(before!.trim());
    expect(paywalled.gatedMarkdown.trim()).toBe(after!.trim());
    expect(paywalled.previewMarkdown).not.toContain(after!.trim().split("\n").at(-1));

    const free = articles.find((article) => article.slug === "reading-the-budget-tables")!;
    expect(free.free).toBe(true);
    expect(free.body).toMatch(/\|.*\|\n\| --- \|/);

    for (const article of articles) expect(article.body).not.toMatch(/<script|alert\(/i);

    // An author with two posts is one author; a tag on two posts is one topic.
    const bylines = articles.flatMap((article) => article.authors.map((author) => author.author.slug));
    const twice = bylines.filter((slug, index) => bylines.indexOf(slug) !== index);
    expect(twice.length).toBeGreaterThan(0);
    const topicIds = articles.flatMap((article) => article.tags.map((tag) => tag.tagId));
    expect(new Set(topicIds).size).toBeLessThan(topicIds.length);

    // Old addresses, non-ASCII ones too, lead to the articles.
    expect(await findLegacyPathSlug("/the-price-of-cheap-money/")).toBe("the-price-of-cheap-money");
    expect(await findLegacyPathSlug("/%C3%BCber-die-krise/")).toBe("uber-die-krise");
    expect(report.redirects).toBe(articles.length);

    const audit = await db().auditEntry.findFirst({
      where: { action: "import.posts" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.details).toMatchObject({ posts: { created: articles.length } });
  });

  it("changes nothing when the same file is imported again", async () => {
    await importPosts(GHOST, { dryRun: false, drafts: "import", actor: COMMAND_LINE });
    const first = await importedArticles();
    const again = await importPosts(GHOST, { dryRun: false, drafts: "import", actor: COMMAND_LINE });
    expect(again.posts).toMatchObject({ created: 0, updated: 0, unchanged: first.length });
    expect(await importedArticles()).toEqual(first);
  });

  it("updates a changed post as a new revision", async () => {
    await importPosts(GHOST, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    const before = (await importedArticles()).find((article) => article.slug === "the-price-of-cheap-money")!;
    const changed = copyOfFixture((json) => {
      const post = json.db[0]!.data.posts.find((row) => row.slug === "the-price-of-cheap-money")!;
      post.title = "The price of cheap money, revisited";
      post.html = `${post.html as string}<p>A correction was added.</p>`;
    });
    const report = await importPosts(changed, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    expect(report.posts).toMatchObject({ created: 0, updated: 1 });
    const after = (await importedArticles()).find((article) => article.id === before.id)!;
    expect(after).toMatchObject({ slug: before.slug, title: "The price of cheap money, revisited" });
    expect(after.gatedMarkdown).toContain("A correction was added.");
    expect(after.version).toBe(before.version + 1);
    expect(after._count.revisions).toBe(before._count.revisions + 1);
  });

  it("finishes an import that was stopped half-way when run again, with nothing doubled", async () => {
    const total = (await importPosts(GHOST, { dryRun: true, drafts: "import", actor: COMMAND_LINE })).posts.created;
    if (process.env.FOLIO_DATABASE_KIND === "embedded") {
      // The embedded database takes one connection, which this process
      // holds: the import stops here after its second batch instead.
      const stopped = importPosts(GHOST, {
        dryRun: false,
        drafts: "import",
        actor: COMMAND_LINE,
        batchSize: 1,
        onProgress: ({ phase, done }) => {
          if (phase === "importing" && done === 2) throw new Error("stopped");
        },
      });
      await expect(stopped).rejects.toThrow("stopped");
    } else {
      // Killed (SIGKILL) once two posts are in: the batch under way is rolled back.
      const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/import/import-child.ts", GHOST], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: process.env,
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("imported 2")) {
            child.kill("SIGKILL");
            resolve();
          }
        });
        child.on("exit", () => reject(new Error("the import finished before it could be killed")));
      });
    }
    const partial = (await importedArticles()).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);

    const rerun = await importPosts(GHOST, { dryRun: false, drafts: "import", actor: COMMAND_LINE });
    expect(rerun.posts.created + rerun.posts.unchanged).toBe(total);
    const articles = await importedArticles();
    expect(articles).toHaveLength(total);
    expect(new Set(articles.map((article) => article.slug)).size).toBe(total);
    expect(articles.filter((article) => /-2$/.test(article.slug))).toEqual([]);
  });

  it("refuses a truncated file and imports nothing", async () => {
    const text = readFileSync(GHOST, "utf8");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "folio-import-")), "truncated.json");
    writeFileSync(file, text.slice(0, Math.floor(text.length * 0.8)));
    const articlesBefore = await db().article.count();
    await expect(importPosts(file, { dryRun: false, drafts: "skip", actor: COMMAND_LINE })).rejects.toThrow(
      ImportFileError,
    );
    expect(await db().article.count()).toBe(articlesBefore);
  });
});

describe("importing with the images", () => {
  it("loads the images it finds into the media library once, and leaves the others as links", async () => {
    // A copy of Ghost's content folder holding one of the images the fixture's posts show.
    const folder = mkdtempSync(path.join(tmpdir(), "folio-import-images-"));
    mkdirSync(path.join(folder, "content/images/2025/03"), { recursive: true });
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#556677" } })
      .jpeg()
      .toBuffer();
    writeFileSync(path.join(folder, "content/images/2025/03/stahlwerk-duisburg.jpg"), jpeg);
    const mediaBefore = await db().media.count();

    const report = await importPosts(GHOST, {
      dryRun: false,
      drafts: "skip",
      actor: COMMAND_LINE,
      images: imagesFromDirectory(folder),
    });
    expect(report.images.loaded).toBe(1);
    expect(report.images.missing).toBeGreaterThan(0);
    expect(await db().media.count()).toBe(mediaBefore + 1);
    const krise = (await importedArticles()).find((article) => article.slug === "uber-die-krise")!;
    expect(krise.body).toMatch(/!\[Ein Hochofen in Duisburg\]\(\/media\/[A-Za-z0-9_-]{22}\?w=64&h=48/);
    expect(krise.body).not.toContain("stahlwerk-duisburg.jpg");
    // One not found becomes a link to where it was (Folio's pages show only their own images).
    const bodies = (await importedArticles()).map((article) => article.body).join("\n");
    expect(bodies).toContain("](https://images.example.org/moscow-exchange.jpg)");
    expect(bodies).not.toMatch(/!\[[^\]]*\]\(https:\/\/images\.example\.org/);

    const again = await importPosts(GHOST, {
      dryRun: false,
      drafts: "skip",
      actor: COMMAND_LINE,
      images: imagesFromDirectory(folder),
    });
    expect(again.images).toMatchObject({ loaded: 0, reused: 1 });
    expect(again.posts).toMatchObject({ created: 0, updated: 0 });
    expect(await db().media.count()).toBe(mediaBefore + 1);
  });
});

describe("importing a WordPress export", () => {
  it("cuts at the more tag, redirects the post's old address and changes nothing the second time", async () => {
    const report = await importPosts(WORDPRESS, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    const articles = await importedArticles("wordpress");
    expect(report.posts.created).toBe(articles.length);
    const carry = articles.find((article) => article.slug === "euro-carry-trade")!;
    expect(carry.body).toContain("<!-- paywall -->");
    expect(carry.gatedMarkdown).not.toBe("");
    expect(carry.previewMarkdown.trim()).toBe(carry.body.split("<!-- paywall -->")[0]!.trim());
    expect(await findLegacyPathSlug("/2020/01/02/euro-carry-trade/")).toBe("euro-carry-trade");
    expect(await findLegacyPathSlug("/2020/02/03/%c3%bcber-die-krise/")).toBe("uber-die-krise");
    // Private posts are reported, not imported.
    expect(report.problems.some((problem) => /private|password/i.test(problem.reason))).toBe(true);
    expect(articles.map((article) => article.slug)).not.toContain("salaries");

    const again = await importPosts(WORDPRESS, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    expect(again.posts).toMatchObject({ created: 0, updated: 0, unchanged: articles.length });
    expect(await importedArticles("wordpress")).toEqual(articles);
  });
});

describe("importing a Substack export", () => {
  it("cuts at the paywall, keeps free posts free and redirects /p/ addresses", async () => {
    const zip = await zipSubstackExport();
    const report = await importPosts(zip, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    const articles = await importedArticles("substack");
    expect(report.posts.created).toBe(articles.length);
    const paid = articles.find((article) => article.slug === "the-carry-trade-ends")!;
    expect(paid.free).toBe(false);
    expect(paid.body).toContain("<!-- paywall -->");
    expect(articles.find((article) => article.slug === "weekly-roundup")?.free).toBe(true);
    expect(await findLegacyPathSlug("/p/the-carry-trade-ends")).toBe("the-carry-trade-ends");
    // A post whose HTML file is missing is reported with its line in posts.csv.
    expect(report.problems.find((problem) => /not in the zip/.test(problem.reason))?.where).toMatch(/line \d+/);

    const again = await importPosts(zip, { dryRun: false, drafts: "skip", actor: COMMAND_LINE });
    expect(again.posts).toMatchObject({ created: 0, updated: 0, unchanged: articles.length });
  });
});
