// Writing and publishing in the newsroom, against real PostgreSQL: role checks
// on every operation, slugs (generated, unique under parallel creation, kept
// as redirects), optimistic saves, revisions and restore, publishing and its
// audit entries. Scheduled publishing through pg-boss is in
// scheduled-publishing.test.ts; the same checks over HTTP are in
// e2e/newsroom-article-routes.spec.ts.
import { describe, expect, it } from "vitest";
import { findRedirectedSlug } from "@/lib/articles/slug-redirects";
import { db } from "@/lib/db/prisma";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { parseArticleContent, parseArticleSave } from "@/lib/newsroom/articles/article-input";
import { getRevision, listRevisions, restoreRevision } from "@/lib/newsroom/articles/article-revisions";
import { SLUG_KEPT_AS_REDIRECT, SLUG_TAKEN } from "@/lib/newsroom/articles/article-slug";
import { getEditableArticle } from "@/lib/newsroom/articles/editable-article";
import { listEditorChoices } from "@/lib/newsroom/articles/editor-choices";
import { listNewsroomArticles } from "@/lib/newsroom/articles/list-newsroom-articles";
import { previewArticleBody } from "@/lib/newsroom/articles/preview-article-body";
import { publishArticle, scheduleArticle, unpublishArticle } from "@/lib/newsroom/articles/publishing";
import { createArticle, saveArticle } from "@/lib/newsroom/articles/save-article";
import { publishDueArticles } from "@/lib/newsroom/articles/scheduled-publishing";
import { createArticle as insertArticle, createAuthor, createTag, uniqueSuffix } from "../fixtures/articles";
import { actorWith, articleContent } from "../fixtures/newsroom";

const HOUR = 3_600_000;
// Sweeps in this file look at a moment long past, so they never publish what
// scheduled-publishing.test.ts (running beside this file) has scheduled.
const LONG_AGO = new Date("2000-01-01T00:00:00Z");

async function created(actor: Actor, overrides: Parameters<typeof articleContent>[0] = {}) {
  const result = await createArticle(actor, articleContent(overrides));
  if (result.kind !== "created") throw new Error(`not created: ${JSON.stringify(result)}`);
  return result;
}

async function stored(id: string) {
  return db().article.findUniqueOrThrow({
    where: { id },
    select: {
      version: true,
      status: true,
      title: true,
      slug: true,
      body: true,
      publishedAt: true,
      firstPublished: true,
    },
  });
}

function auditOf(articleId: string) {
  return db().auditEntry.findMany({
    where: { details: { path: ["articleId"], equals: articleId } },
    orderBy: { createdAt: "asc" },
  });
}

describe("role checks", () => {
  it("refuse a reader every article operation, and nothing changes", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    await publishArticle(editor, article.id);
    const reader = await actorWith("reader");
    const content = articleContent();
    const before = {
      article: await stored(article.id),
      revisions: await db().articleRevision.count({ where: { articleId: article.id } }),
      audit: (await auditOf(article.id)).length,
    };
    const operations: [string, () => Promise<unknown>][] = [
      ["create", () => createArticle(reader, content)],
      ["save", () => saveArticle(reader, article.id, { content, version: before.article.version })],
      [
        "autosave",
        () => saveArticle(reader, article.id, { content, version: before.article.version }, { autosave: true }),
      ],
      ["read for editing", () => getEditableArticle(reader, article.id)],
      ["list", () => listNewsroomArticles(reader, { page: 1 })],
      ["list choices", () => listEditorChoices(reader)],
      ["preview", () => previewArticleBody(reader, content.body)],
      ["list revisions", () => listRevisions(reader, article.id, { page: 1 })],
      ["read a revision", () => getRevision(reader, article.id, 1)],
      ["restore", () => restoreRevision(reader, article.id, 1)],
      ["publish", () => publishArticle(reader, article.id)],
      ["schedule", () => scheduleArticle(reader, article.id, { at: new Date(Date.now() + HOUR) })],
      ["unpublish", () => unpublishArticle(reader, article.id)],
      ["publish due", () => publishDueArticles(reader, LONG_AGO)],
    ];
    for (const [name, operation] of operations) {
      await expect(operation(), name).rejects.toThrow(ForbiddenError);
    }
    expect(await stored(article.id)).toEqual(before.article);
    expect(await db().articleRevision.count({ where: { articleId: article.id } })).toBe(before.revisions);
    expect(await auditOf(article.id)).toHaveLength(before.audit);
    expect(await db().article.count({ where: { title: content.title } })).toBe(0);
  });

  it.each(["editor", "admin"] as const)("let an %s do every one", async (role) => {
    const actor = await actorWith(role);
    const article = await created(actor);
    expect((await getEditableArticle(actor, article.id))?.content.slug).toBe(article.slug);
    expect((await listNewsroomArticles(actor, { page: 1, query: article.slug.replace(/-/g, " ") })).total).toBe(1);
    expect((await listEditorChoices(actor)).authors.length).toBeGreaterThan(0);
    expect((await previewArticleBody(actor, "a\n\n<!-- paywall -->\n\nb")).cutBy).toBe("marker");
    const saved = await saveArticle(actor, article.id, { content: articleContent({ slug: article.slug }), version: 1 });
    expect(saved.kind).toBe("saved");
    expect((await listRevisions(actor, article.id, { page: 1 }))?.total).toBe(2);
    expect((await getRevision(actor, article.id, 1))?.note).toBe("created");
    expect((await restoreRevision(actor, article.id, 1)).kind).toBe("restored");
    expect((await scheduleArticle(actor, article.id, { at: new Date(Date.now() + 24 * HOUR) })).kind).toBe("scheduled");
    expect((await publishArticle(actor, article.id)).kind).toBe("published");
    expect((await unpublishArticle(actor, article.id)).kind).toBe("unpublished");
    expect(await publishDueArticles(actor, LONG_AGO)).toEqual([]);
  });
});

describe("slugs", () => {
  it("are made from the headline, with a number when the headline's slug is taken", async () => {
    const editor = await actorWith("editor");
    const title = `The Grain Corridor Reopens ${uniqueSuffix()}`;
    const first = await created(editor, { title });
    const second = await created(editor, { title });
    expect(first.slug).toBe(title.toLowerCase().replace(/ /g, "-"));
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it("are refused when taken, or malformed, with the message on the slug field", async () => {
    const editor = await actorWith("editor");
    const first = await created(editor);
    expect(await createArticle(editor, articleContent({ slug: first.slug }))).toEqual({
      kind: "invalid",
      fieldErrors: { slug: SLUG_TAKEN },
    });
    const malformed = parseArticleContent({ title: "A headline", body: "", slug: "Not a slug!" });
    expect(malformed.ok).toBe(false);
    if (!malformed.ok) expect(Object.keys(malformed.fieldErrors)).toEqual(["slug"]);
  });

  it("stay unique when ten editors create the same slug at once: one gets it", async () => {
    const editors = await Promise.all(Array.from({ length: 10 }, () => actorWith("editor")));
    const slug = `parallel-${uniqueSuffix()}`;
    const results = await Promise.all(editors.map((editor) => createArticle(editor, articleContent({ slug }))));
    expect(results.filter((result) => result.kind === "created")).toHaveLength(1);
    expect(
      results.filter((result) => result.kind === "invalid" && result.fieldErrors.slug === SLUG_TAKEN),
    ).toHaveLength(9);
    expect(await db().article.count({ where: { slug } })).toBe(1);
  });

  it("are numbered apart when ten drafts with one headline are created at once", async () => {
    const editor = await actorWith("editor");
    const title = `Same Headline ${uniqueSuffix()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => createArticle(editor, articleContent({ title }))),
    );
    const slugs = results.map((result) => (result.kind === "created" ? result.slug : "not created"));
    const base = title.toLowerCase().replace(/ /g, "-");
    expect(new Set(slugs)).toEqual(new Set([base, ...Array.from({ length: 9 }, (_, index) => `${base}-${index + 2}`)]));
  });

  it("change freely before publishing, and are kept as redirects after", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    const draftSlug = `draft-slug-${uniqueSuffix()}`;
    let version = article.version;
    const save = async (slug: string) => {
      const result = await saveArticle(editor, article.id, {
        content: articleContent({ title: "Kept", slug }),
        version,
      });
      if (result.kind !== "saved") throw new Error(`not saved: ${JSON.stringify(result)}`);
      version = result.version;
    };
    await save(draftSlug);
    // Nobody could have linked to a draft: no redirect for its first slug.
    expect(await db().articleSlugRedirect.count({ where: { articleId: article.id } })).toBe(0);

    await publishArticle(editor, article.id);
    const renamed = `renamed-${uniqueSuffix()}`;
    await save(renamed);
    expect(await findRedirectedSlug(draftSlug)).toBe(renamed);
    const again = `renamed-again-${uniqueSuffix()}`;
    await save(again);
    expect(await findRedirectedSlug(draftSlug)).toBe(again);
    expect(await findRedirectedSlug(renamed)).toBe(again);

    // Another article may not take a slug that old links still use.
    expect(await createArticle(editor, articleContent({ slug: renamed }))).toEqual({
      kind: "invalid",
      fieldErrors: { slug: SLUG_KEPT_AS_REDIRECT },
    });
    // The article itself may take an old slug back; the redirect goes, the other stays.
    await save(renamed);
    expect(await findRedirectedSlug(renamed)).toBeNull();
    expect(await findRedirectedSlug(again)).toBe(renamed);

    // Unpublished, its old links lead nowhere; its slug history is kept for later.
    await unpublishArticle(editor, article.id);
    expect(await findRedirectedSlug(again)).toBeNull();
    await save(`after-unpublishing-${uniqueSuffix()}`);
    expect(await db().articleSlugRedirect.findUnique({ where: { slug: renamed } })).toMatchObject({
      articleId: article.id,
    });
  });

  it("of an article published before the newsroom existed are kept too", async () => {
    const editor = await actorWith("editor");
    const seeded = await insertArticle({ status: "published" });
    const editable = await getEditableArticle(editor, seeded.id);
    const renamed = `renamed-${uniqueSuffix()}`;
    const result = await saveArticle(editor, seeded.id, {
      content: { ...editable!.content, slug: renamed },
      version: 1,
    });
    expect(result.kind).toBe("saved");
    expect(await findRedirectedSlug(seeded.slug)).toBe(renamed);
  });
});

describe("saving", () => {
  it("keeps authors in order and checks authors, topics and regions exist as such", async () => {
    const editor = await actorWith("editor");
    const [first, second] = [await createAuthor("First Author"), await createAuthor("Second Author")];
    const topic = await createTag("topic");
    const region = await createTag("region");
    const article = await created(editor, {
      authorIds: [second.id, first.id],
      topicIds: [topic.id],
      regionIds: [region.id],
    });
    const editable = await getEditableArticle(editor, article.id);
    expect(editable?.content).toMatchObject({
      authorIds: [second.id, first.id],
      topicIds: [topic.id],
      regionIds: [region.id],
    });

    const wrong = await saveArticle(editor, article.id, {
      content: articleContent({ topicIds: [region.id], authorIds: [crypto.randomUUID()] }),
      version: 1,
    });
    expect(wrong).toEqual({
      kind: "invalid",
      fieldErrors: { topicIds: expect.stringContaining("topic"), authorIds: expect.stringContaining("author") },
    });
    expect((await stored(article.id)).version).toBe(1);
  });

  it("refuses a save from an older version: of two parallel saves one wins, the other is told who saved", async () => {
    const [alice, bob] = [await actorWith("editor"), await actorWith("editor")];
    const article = await created(alice);
    const results = await Promise.all([
      saveArticle(alice, article.id, { content: articleContent({ title: "Alice's headline" }), version: 1 }),
      saveArticle(bob, article.id, { content: articleContent({ title: "Bob's headline" }), version: 1 }),
    ]);
    const saved = results.filter((result) => result.kind === "saved");
    const conflicts = results.filter((result) => result.kind === "conflict");
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const winner = results[0]!.kind === "saved" ? alice : bob;
    expect(conflicts[0]).toMatchObject({ kind: "conflict", version: 2, status: "draft", savedBy: winner.label });
    expect((await stored(article.id)).title).toBe(winner === alice ? "Alice's headline" : "Bob's headline");
    expect(await db().articleRevision.count({ where: { articleId: article.id } })).toBe(2);
  });

  it("does not autosave over an article that is no longer a draft", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    await publishArticle(editor, article.id);
    const autosave = await saveArticle(
      editor,
      article.id,
      { content: articleContent(), version: 1 },
      { autosave: true },
    );
    expect(autosave).toMatchObject({ kind: "conflict", status: "published" });
    expect((await saveArticle(editor, article.id, { content: articleContent(), version: 1 })).kind).toBe("saved");
  });

  it("asks for a body before a published article is saved empty, and for a version", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    await publishArticle(editor, article.id);
    expect(
      await saveArticle(editor, article.id, { content: articleContent({ body: "  " }), version: 1 }),
    ).toMatchObject({
      kind: "invalid",
      fieldErrors: { body: expect.stringContaining("needs a body") },
    });
    const noVersion = parseArticleSave({ title: "Headline", body: "Text" });
    expect(noVersion.ok).toBe(false);
    if (!noVersion.ok) expect(noVersion.fieldErrors).toHaveProperty("version");
  });
});

describe("revisions", () => {
  it("are kept for every save that changes something, and listed newest first", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor, { title: "Version one" });
    const two = await saveArticle(
      editor,
      article.id,
      { content: articleContent({ title: "Version two", slug: article.slug }), version: 1 },
      { autosave: true },
    );
    expect(two).toMatchObject({ kind: "saved", version: 2 });
    const same = await saveArticle(editor, article.id, {
      content: articleContent({ title: "Version two", slug: article.slug }),
      version: 2,
    });
    // The body differs (articleContent makes a unique one), so this is a change too.
    expect(same).toMatchObject({ kind: "saved", version: 3 });
    const editable = await getEditableArticle(editor, article.id);
    const unchanged = await saveArticle(editor, article.id, { content: editable!.content, version: 3 });
    expect(unchanged).toMatchObject({ kind: "unchanged", version: 3 });
    const list = await listRevisions(editor, article.id, { page: 1 });
    expect(list?.revisions.map((revision) => [revision.number, revision.note, revision.editor])).toEqual([
      [3, "saved", editor.label],
      [2, "autosaved", editor.label],
      [1, "created", editor.label],
    ]);
  });

  it("restore an earlier version as a new revision, without authors that are gone", async () => {
    const editor = await actorWith("editor");
    const [kept, gone] = [await createAuthor("Kept Author"), await createAuthor("Departed Author")];
    const original = articleContent({ title: "The original", authorIds: [gone.id, kept.id] });
    const article = await createArticle(editor, original);
    if (article.kind !== "created") throw new Error("not created");
    await saveArticle(editor, article.id, {
      content: articleContent({ title: "A rewrite", slug: article.slug, authorIds: [] }),
      version: 1,
    });
    await db().author.delete({ where: { id: gone.id } });

    expect(await restoreRevision(editor, article.id, 1)).toMatchObject({
      kind: "restored",
      version: 3,
      slugKept: false,
    });
    const restored = await getEditableArticle(editor, article.id);
    expect(restored?.content).toEqual({ ...original, slug: article.slug, authorIds: [kept.id] });
    const revision = await getRevision(editor, article.id, 3);
    expect(revision?.note).toBe("restored revision 1");
    // Restoring what the article already says changes nothing.
    expect(await restoreRevision(editor, article.id, 3)).toEqual({ kind: "unchanged", version: 3 });
    expect(await restoreRevision(editor, article.id, 99)).toEqual({ kind: "not-found" });
  });

  it("keep the content an article had before its first edit here", async () => {
    const editor = await actorWith("editor");
    const seeded = await insertArticle({ status: "draft", publishedAt: null, title: "Seeded headline" });
    const editable = await getEditableArticle(editor, seeded.id);
    await saveArticle(editor, seeded.id, { content: { ...editable!.content, title: "Edited headline" }, version: 1 });
    expect((await getRevision(editor, seeded.id, 1))?.content.title).toBe("Seeded headline");
    await restoreRevision(editor, seeded.id, 1);
    expect((await stored(seeded.id)).title).toBe("Seeded headline");
  });

  it("do not take back a slug another article has taken since", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    const moved = `moved-${uniqueSuffix()}`;
    await saveArticle(editor, article.id, { content: articleContent({ slug: moved }), version: 1 });
    const other = await created(editor, { slug: article.slug });
    expect(other.slug).toBe(article.slug);
    expect(await restoreRevision(editor, article.id, 1)).toMatchObject({
      kind: "restored",
      slugKept: true,
      slug: moved,
    });
  });
});

describe("publishing", () => {
  it("publishes once, audited; a second time changes and logs nothing", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    const first = await publishArticle(editor, article.id, { version: 1 });
    expect(first.kind).toBe("published");
    expect(await publishArticle(editor, article.id)).toMatchObject({ kind: "unchanged", status: "published" });
    const entries = await auditOf(article.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: editor.id,
      actor: editor.label,
      action: "article.publish",
      details: { articleId: article.id, slug: article.slug, from: "draft" },
    });
    const row = await stored(article.id);
    expect(row.status).toBe("published");
    expect(row.firstPublished).toEqual(row.publishedAt);
  });

  it("publishes in parallel once", async () => {
    const editors = await Promise.all(Array.from({ length: 5 }, () => actorWith("editor")));
    const article = await created(editors[0]!);
    const results = await Promise.all(editors.map((editor) => publishArticle(editor, article.id)));
    expect(results.filter((result) => result.kind === "published")).toHaveLength(1);
    expect(await auditOf(article.id)).toHaveLength(1);
  });

  it("refuses to publish what the editor has not seen, or an empty article", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    await saveArticle(editor, article.id, { content: articleContent({ body: "", slug: article.slug }), version: 1 });
    expect(await publishArticle(editor, article.id, { version: 1 })).toEqual({ kind: "conflict", version: 2 });
    expect(await publishArticle(editor, article.id, { version: 2 })).toMatchObject({
      kind: "invalid",
      fieldErrors: { body: expect.any(String) },
    });
    expect((await stored(article.id)).status).toBe("draft");
    expect(await auditOf(article.id)).toHaveLength(0);
  });

  it("schedules for a future time, audited, and refuses the past or a published article", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    const at = new Date(Date.now() + 48 * HOUR);
    at.setMilliseconds(0);
    expect(await scheduleArticle(editor, article.id, { at: new Date(Date.now() - 1000) })).toMatchObject({
      kind: "invalid",
      fieldErrors: { publishAt: expect.any(String) },
    });
    expect(await scheduleArticle(editor, article.id, { at })).toEqual({ kind: "scheduled", publishAt: at });
    expect(await scheduleArticle(editor, article.id, { at })).toMatchObject({ kind: "unchanged", status: "scheduled" });
    expect(await stored(article.id)).toMatchObject({ status: "scheduled", publishedAt: at, firstPublished: null });
    // Not visible to readers before its time.
    expect(await findRedirectedSlug(article.slug)).toBeNull();
    expect(await db().article.count({ where: { id: article.id, status: "published" } })).toBe(0);

    expect((await unpublishArticle(editor, article.id)).kind).toBe("unpublished");
    expect(await stored(article.id)).toMatchObject({ status: "draft", publishedAt: null });
    await publishArticle(editor, article.id);
    expect(await scheduleArticle(editor, article.id, { at })).toEqual({ kind: "already-published" });
    expect(
      (await auditOf(article.id)).map((entry) => [entry.action, (entry.details as { from: string }).from]),
    ).toEqual([
      ["article.schedule", "draft"],
      ["article.unpublish", "scheduled"],
      ["article.publish", "draft"],
    ]);
    expect((await auditOf(article.id))[0]?.details).toMatchObject({ publishAt: at.toISOString() });
  });

  it("unpublishes once, audited", async () => {
    const editor = await actorWith("editor");
    const article = await created(editor);
    await publishArticle(editor, article.id);
    const [first, second] = [await unpublishArticle(editor, article.id), await unpublishArticle(editor, article.id)];
    expect(first).toEqual({ kind: "unpublished", from: "published" });
    expect(second).toMatchObject({ kind: "unchanged", status: "draft" });
    const row = await stored(article.id);
    expect(row).toMatchObject({ status: "draft", publishedAt: null });
    expect(row.firstPublished).not.toBeNull();
    expect((await auditOf(article.id)).map((entry) => entry.action)).toEqual(["article.publish", "article.unpublish"]);
  });
});

describe("the live preview", () => {
  it("cuts at the marker, or after the first paragraphs, and renders sanitised HTML", async () => {
    const editor = await actorWith("editor");
    const marked = await previewArticleBody(
      editor,
      "Before **the** cut.\r\n\r\n<!-- paywall -->\r\n\r\nAfter the cut.",
    );
    expect(marked).toMatchObject({
      cutBy: "marker",
      hasGatedPart: true,
      previewHtml: "<p>Before <strong>the</strong> cut.</p>",
      gatedHtml: "<p>After the cut.</p>",
    });
    const counted = await previewArticleBody(editor, "One.\n\nTwo.\n\nThree.\n\nFour.\n\n<script>alert(1)</script>");
    expect(counted).toMatchObject({
      cutBy: "paragraphs",
      previewHtml: "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>",
      gatedHtml: "<p>Four.</p>",
    });
    expect((await previewArticleBody(editor, "Short.")).hasGatedPart).toBe(false);
  });
});

describe("the newsroom's list", () => {
  it("filters by status and headline, drafts first, then newest publication first", async () => {
    const editor = await actorWith("editor");
    const word = `zebrafinch${uniqueSuffix()}`;
    const older = await created(editor, { title: `Older ${word}` });
    const newer = await created(editor, { title: `Newer ${word}` });
    const draft = await created(editor, { title: `Draft ${word}` });
    await publishArticle(editor, older.id, { now: new Date(Date.now() - HOUR) });
    await publishArticle(editor, newer.id);
    const all = await listNewsroomArticles(editor, { query: word.toUpperCase(), page: 1 });
    expect(all.articles.map((article) => article.id)).toEqual([draft.id, newer.id, older.id]);
    const published = await listNewsroomArticles(editor, { query: word, status: "published", page: 1, perPage: 1 });
    expect(published).toMatchObject({ total: 2, pageCount: 2 });
    expect(published.articles.map((article) => article.id)).toEqual([newer.id]);
    expect(
      (await listNewsroomArticles(editor, { query: word, status: "draft", page: 1 })).articles.map((a) => a.status),
    ).toEqual(["draft"]);
  });
});
