// Article queries against real PostgreSQL: what is visible, in which order,
// on which page.
import { describe, expect, it } from "vitest";
import { getArticleBySlug, listByAuthor, listByTag, listLatest } from "@/lib/articles/article-queries";
import { createArticle, createAuthor, createTag } from "../fixtures/articles";

const HOUR = 3_600_000;

describe("getArticleBySlug", () => {
  it("finds a published article with its authors in order and its tags by type", async () => {
    const [first, second] = [await createAuthor("Ana First"), await createAuthor("Ben Second")];
    const [topic, region] = [await createTag("topic", "Energy"), await createTag("region", "Europe")];
    const article = await createArticle({ authorIds: [second.id, first.id], tagIds: [topic.id, region.id] });

    const found = await getArticleBySlug(article.slug);
    expect(found).toMatchObject({
      slug: article.slug,
      authors: [{ name: "Ben Second" }, { name: "Ana First" }],
      topics: [{ slug: topic.slug, name: "Energy" }],
      regions: [{ slug: region.slug, name: "Europe" }],
    });
    expect(found).not.toHaveProperty("body");
  });

  it.each([
    ["a draft", { status: "draft" as const, publishedAt: null }],
    ["a scheduled article", { status: "scheduled" as const, publishedAt: new Date(Date.now() + HOUR) }],
    [
      "a published article dated in the future",
      { status: "published" as const, publishedAt: new Date(Date.now() + HOUR) },
    ],
  ])("does not show %s", async (_label, input) => {
    const article = await createArticle(input);
    expect(await getArticleBySlug(article.slug)).toBeNull();
  });

  it("returns null for an unknown slug", async () => {
    expect(await getArticleBySlug("no-such-slug-at-all")).toBeNull();
  });
});

describe("listings", () => {
  it("lists a tag's articles newest first, with page edges and totals", async () => {
    const tag = await createTag("topic");
    const now = Date.now();
    const articles = [];
    for (let i = 0; i < 5; i++) {
      articles.push(await createArticle({ tagIds: [tag.id], publishedAt: new Date(now - (i + 1) * HOUR) }));
    }
    await createArticle({ tagIds: [tag.id], status: "draft", publishedAt: null });

    const page1 = await listByTag(tag.id, 1, 2);
    expect(page1.total).toBe(5);
    expect(page1.pageCount).toBe(3);
    expect(page1.articles.map((a) => a.slug)).toEqual([articles[0]!.slug, articles[1]!.slug]);

    const page3 = await listByTag(tag.id, 3, 2);
    expect(page3.articles.map((a) => a.slug)).toEqual([articles[4]!.slug]);

    const beyond = await listByTag(tag.id, 4, 2);
    expect(beyond.articles).toEqual([]);
    expect(beyond.page).toBeGreaterThan(beyond.pageCount);
  });

  it("lists an author's articles", async () => {
    const author = await createAuthor();
    const article = await createArticle({ authorIds: [author.id] });
    await createArticle();
    const result = await listByAuthor(author.id, 1);
    expect(result.articles.map((a) => a.slug)).toEqual([article.slug]);
  });

  it("lists the latest of a kind", async () => {
    const article = await createArticle({ kind: "in_depth", publishedAt: new Date(Date.now() - 1000) });
    const latest = await listLatest({ kind: "in_depth", limit: 50 });
    expect(latest.every((a) => a.kind === "in_depth")).toBe(true);
    expect(latest[0]?.slug).toBe(article.slug);
  });
});
