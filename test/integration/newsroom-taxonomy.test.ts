// Authors, topics and regions in the newsroom, against real PostgreSQL:
// role checks on every operation, slugs, merging (in one transaction, also
// when two editors merge at once) and deleting only what no article uses.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { deleteTaxonomyItem } from "@/lib/newsroom/taxonomy/delete-taxonomy-item";
import { mergeTaxonomyItems } from "@/lib/newsroom/taxonomy/merge-taxonomy-items";
import { createTaxonomyItem, updateTaxonomyItem } from "@/lib/newsroom/taxonomy/save-taxonomy-item";
import { getTaxonomyItem, listTaxonomyItems } from "@/lib/newsroom/taxonomy/taxonomy-items";
import { createArticle, createAuthor, createTag, uniqueSuffix } from "../fixtures/articles";
import { actors, actorWith } from "../fixtures/people-with-roles";

const bylineOf = async (articleId: string) =>
  (
    await db().articleAuthor.findMany({
      where: { articleId },
      orderBy: { position: "asc" },
      select: { authorId: true },
    })
  ).map((row) => row.authorId);
const tagsOf = async (articleId: string) =>
  (await db().articleTag.findMany({ where: { articleId }, select: { tagId: true } })).map((row) => row.tagId).sort();

describe("role checks", () => {
  it("refuse a reader every operation, and change nothing", async () => {
    const { reader } = await actors();
    const topic = await createTag("topic");
    const other = await createTag("topic");
    const author = await createAuthor();
    const refused: [string, () => Promise<unknown>][] = [
      ["list", () => listTaxonomyItems(reader, "topic")],
      ["get", () => getTaxonomyItem(reader, "topic", topic.id)],
      ["create", () => createTaxonomyItem(reader, "topic", { name: `Reader topic ${uniqueSuffix()}` })],
      ["update", () => updateTaxonomyItem(reader, "topic", topic.id, { name: "Renamed by a reader" })],
      ["update author", () => updateTaxonomyItem(reader, "author", author.id, { name: "Renamed by a reader" })],
      ["merge", () => mergeTaxonomyItems(reader, "topic", { fromId: topic.id, intoId: other.id })],
      ["delete", () => deleteTaxonomyItem(reader, "topic", topic.id)],
      ["delete author", () => deleteTaxonomyItem(reader, "author", author.id)],
    ];
    for (const [name, operation] of refused) await expect(operation(), name).rejects.toThrow(ForbiddenError);
    expect(await db().tag.findUnique({ where: { id: topic.id } })).toEqual(topic);
    expect(await db().tag.findUnique({ where: { id: other.id } })).toEqual(other);
    expect(await db().author.findUnique({ where: { id: author.id } })).toEqual(author);
    expect(await db().tag.count({ where: { name: { startsWith: "Reader topic" } } })).toBe(0);
  });

  it("let editors and admins do each of them", async () => {
    const { editor, admin } = await actors();
    for (const actor of [editor, admin]) {
      const created = await createTaxonomyItem(actor, "region", { name: `Region ${uniqueSuffix()}` });
      if (created.kind !== "saved") throw new Error(`not created: ${JSON.stringify(created)}`);
      const other = await createTag("region");
      expect((await listTaxonomyItems(actor, "region")).map((item) => item.id)).toContain(created.item.id);
      expect(await getTaxonomyItem(actor, "region", created.item.id)).toMatchObject({
        name: created.item.name,
        articleCount: 0,
      });
      expect(
        (await updateTaxonomyItem(actor, "region", created.item.id, { name: "Renamed", slug: created.item.slug })).kind,
      ).toBe("saved");
      expect((await mergeTaxonomyItems(actor, "region", { fromId: created.item.id, intoId: other.id })).kind).toBe(
        "merged",
      );
      expect((await deleteTaxonomyItem(actor, "region", other.id)).kind).toBe("deleted");
    }
  });
});

describe("creating and editing", () => {
  it("lists each with its article count, drafts included", async () => {
    const editor = await actorWith("editor");
    const topic = await createTag("topic", `Counted ${uniqueSuffix()}`);
    await createArticle({ tagIds: [topic.id] });
    await createArticle({ tagIds: [topic.id], status: "draft", publishedAt: null });
    const listed = (await listTaxonomyItems(editor, "topic")).find((item) => item.id === topic.id);
    expect(listed).toMatchObject({ name: topic.name, slug: topic.slug, articleCount: 2 });
    // A topic is not a region.
    expect(await getTaxonomyItem(editor, "region", topic.id)).toBeNull();
    expect(await getTaxonomyItem(editor, "topic", "not-a-uuid")).toBeNull();
  });

  it("keeps slugs unique per kind, with a clear message, and lets a region share a topic's slug", async () => {
    const editor = await actorWith("editor");
    const slug = `shared-${uniqueSuffix()}`;
    const first = await createTaxonomyItem(editor, "topic", { name: "First", slug });
    expect(first).toMatchObject({ kind: "saved", item: { slug, name: "First", description: "" } });
    const again = await createTaxonomyItem(editor, "topic", { name: "Second", slug: slug.toUpperCase() });
    expect(again).toMatchObject({
      kind: "invalid",
      problem: "slug-taken",
      errors: { slug: `Another topic already has the slug “${slug}”.` },
    });
    expect(await createTaxonomyItem(editor, "region", { name: "Same slug, other kind", slug })).toMatchObject({
      kind: "saved",
    });

    const second = await createTaxonomyItem(editor, "topic", { name: "Second" });
    if (second.kind !== "saved" || first.kind !== "saved") throw new Error("not created");
    expect(await updateTaxonomyItem(editor, "topic", second.item.id, { name: "Second", slug })).toMatchObject({
      kind: "invalid",
      problem: "slug-taken",
    });
    // Saving one under its own slug is no clash.
    expect(
      await updateTaxonomyItem(editor, "topic", first.item.id, { name: "First, renamed", slug, description: "About." }),
    ).toMatchObject({
      kind: "saved",
      item: { name: "First, renamed", slug, description: "About." },
    });
    expect(await db().tag.count({ where: { type: "topic", slug } })).toBe(1);
  });

  it("settles two editors taking one slug at once: one saved, one told", async () => {
    const editor = await actorWith("editor");
    const slug = `race-${uniqueSuffix()}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, index) => createTaxonomyItem(editor, "author", { name: `Racer ${index}`, slug })),
    );
    expect(results.filter((result) => result.kind === "saved")).toHaveLength(1);
    expect(results.filter((result) => result.kind === "invalid" && result.problem === "slug-taken")).toHaveLength(3);
    expect(await db().author.count({ where: { slug } })).toBe(1);
  });

  it("refuses bad input without changing anything, and edits of what does not exist", async () => {
    const editor = await actorWith("editor");
    const author = await createAuthor("Kept Name");
    expect(await updateTaxonomyItem(editor, "author", author.id, { name: "", slug: "Not a slug!" })).toMatchObject({
      kind: "invalid",
      problem: "invalid-name",
      errors: { name: expect.any(String) },
    });
    expect(await updateTaxonomyItem(editor, "author", author.id, { name: "Fine", slug: "not a slug" })).toMatchObject({
      kind: "invalid",
      problem: "invalid-slug",
    });
    expect(await db().author.findUniqueOrThrow({ where: { id: author.id } })).toEqual(author);
    expect(
      await updateTaxonomyItem(editor, "author", "00000000-0000-4000-8000-000000000000", { name: "Ghost" }),
    ).toEqual({ kind: "not-found" });
    expect(await updateTaxonomyItem(editor, "author", "nonsense", { name: "Ghost" })).toEqual({ kind: "not-found" });
    const topic = await createTag("topic");
    expect(await updateTaxonomyItem(editor, "region", topic.id, { name: "Wrong kind" })).toEqual({ kind: "not-found" });
  });

  it("saves an author's role and bio", async () => {
    const editor = await actorWith("editor");
    const author = await createAuthor();
    const saved = await updateTaxonomyItem(editor, "author", author.id, {
      name: "Ana Ruiz",
      slug: author.slug,
      role: "Andes correspondent",
      bio: "Reports from Lima.",
    });
    expect(saved).toMatchObject({
      kind: "saved",
      item: { name: "Ana Ruiz", role: "Andes correspondent", bio: "Reports from Lima." },
    });
    expect(await db().author.findUniqueOrThrow({ where: { id: author.id } })).toMatchObject({
      role: "Andes correspondent",
      bio: "Reports from Lima.",
    });
  });
});

describe("merging", () => {
  it("moves a topic's articles, links an article that had both once, deletes the merged one and logs it", async () => {
    const editor = await actorWith("editor");
    const [from, into, unrelated] = [await createTag("topic"), await createTag("topic"), await createTag("topic")];
    const onlyFrom = await createArticle({ tagIds: [from.id, unrelated.id] });
    const both = await createArticle({ tagIds: [from.id, into.id] });
    const onlyInto = await createArticle({ tagIds: [into.id] });
    const result = await mergeTaxonomyItems(editor, "topic", { fromId: from.id, intoId: into.id });
    expect(result).toMatchObject({ kind: "merged", from: { id: from.id }, into: { id: into.id } });
    if (result.kind !== "merged") return;
    expect(result.articleIds.sort()).toEqual([onlyFrom.id, both.id].sort());
    expect(await tagsOf(onlyFrom.id)).toEqual([into.id, unrelated.id].sort());
    expect(await tagsOf(both.id)).toEqual([into.id]);
    expect(await tagsOf(onlyInto.id)).toEqual([into.id]);
    expect(await db().tag.findUnique({ where: { id: from.id } })).toBeNull();
    expect(await db().articleTag.count({ where: { tagId: from.id } })).toBe(0);
    const [entry] = await db().auditEntry.findMany({
      where: { action: "taxonomy.merge", subject: `topic ${from.slug}` },
    });
    expect(entry).toMatchObject({ actorId: editor.id, details: { into: into.slug, articles: 2 } });
  });

  it("moves an author's bylines, keeping the merged author in the earlier place on a byline with both", async () => {
    const editor = await actorWith("editor");
    const [from, into, other] = [
      await createAuthor("Old Name"),
      await createAuthor("Kept Name"),
      await createAuthor("Co-author"),
    ];
    const fromFirst = await createArticle({ authorIds: [from.id, other.id, into.id] });
    const intoFirst = await createArticle({ authorIds: [into.id, from.id, other.id] });
    const onlyFrom = await createArticle({ authorIds: [other.id, from.id] });
    const result = await mergeTaxonomyItems(editor, "author", { fromId: from.id, intoId: into.id });
    expect(result.kind).toBe("merged");
    expect(await bylineOf(fromFirst.id)).toEqual([into.id, other.id]);
    expect(await bylineOf(intoFirst.id)).toEqual([into.id, other.id]);
    expect(await bylineOf(onlyFrom.id)).toEqual([other.id, into.id]);
    expect(await db().author.findUnique({ where: { id: from.id } })).toBeNull();
  });

  it("refuses merging into itself, into another kind, or what does not exist, and changes nothing", async () => {
    const editor = await actorWith("editor");
    const topic = await createTag("topic");
    const region = await createTag("region");
    const article = await createArticle({ tagIds: [topic.id, region.id] });
    expect(await mergeTaxonomyItems(editor, "topic", { fromId: topic.id, intoId: topic.id })).toEqual({ kind: "same" });
    expect(await mergeTaxonomyItems(editor, "topic", { fromId: topic.id, intoId: region.id })).toEqual({
      kind: "not-found",
      which: "into",
    });
    expect(await mergeTaxonomyItems(editor, "topic", { fromId: region.id, intoId: topic.id })).toEqual({
      kind: "not-found",
      which: "from",
    });
    expect(await mergeTaxonomyItems(editor, "topic", { fromId: topic.id, intoId: "nope" })).toEqual({
      kind: "not-found",
      which: "into",
    });
    expect(await tagsOf(article.id)).toEqual([topic.id, region.id].sort());
  });

  it("settles two editors merging a pair into each other at once: one merge, one not-found, every article kept", async () => {
    const [first, second] = [await actorWith("editor"), await actorWith("editor")];
    const [a, b] = [await createTag("region"), await createTag("region")];
    const articles = [
      await createArticle({ tagIds: [a.id] }),
      await createArticle({ tagIds: [b.id] }),
      await createArticle({ tagIds: [a.id, b.id] }),
    ];
    const results = await Promise.all([
      mergeTaxonomyItems(first, "region", { fromId: a.id, intoId: b.id }),
      mergeTaxonomyItems(second, "region", { fromId: b.id, intoId: a.id }),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(["merged", "not-found"]);
    const survivor = (await db().tag.findMany({ where: { id: { in: [a.id, b.id] } } })).map((tag) => tag.id);
    expect(survivor).toHaveLength(1);
    for (const article of articles) expect(await tagsOf(article.id)).toEqual(survivor);
  });
});

describe("deleting", () => {
  it("is refused while an article uses it, with the count, and nothing changes", async () => {
    const editor = await actorWith("editor");
    const author = await createAuthor();
    const region = await createTag("region");
    await createArticle({ authorIds: [author.id], tagIds: [region.id], status: "draft", publishedAt: null });
    await createArticle({ tagIds: [region.id] });
    expect(await deleteTaxonomyItem(editor, "author", author.id)).toEqual({
      kind: "in-use",
      name: author.name,
      articles: 1,
    });
    expect(await deleteTaxonomyItem(editor, "region", region.id)).toEqual({
      kind: "in-use",
      name: region.name,
      articles: 2,
    });
    expect(await db().author.findUnique({ where: { id: author.id } })).not.toBeNull();
    expect(await db().tag.findUnique({ where: { id: region.id } })).not.toBeNull();
  });

  it("deletes one no article uses, logs it, and then finds nothing", async () => {
    const admin: Actor = await actorWith("admin");
    const topic = await createTag("topic");
    expect(await deleteTaxonomyItem(admin, "topic", topic.id)).toEqual({
      kind: "deleted",
      name: topic.name,
      slug: topic.slug,
    });
    expect(await db().tag.findUnique({ where: { id: topic.id } })).toBeNull();
    expect(
      await db().auditEntry.count({
        where: { action: "taxonomy.delete", subject: `topic ${topic.slug}`, actorId: admin.id },
      }),
    ).toBe(1);
    expect(await deleteTaxonomyItem(admin, "topic", topic.id)).toEqual({ kind: "not-found" });
    expect(await deleteTaxonomyItem(admin, "region", "garbage")).toEqual({ kind: "not-found" });
  });
});
