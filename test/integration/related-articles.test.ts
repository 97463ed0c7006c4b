// "Related reading" against real PostgreSQL: the newest articles sharing a
// topic or region, never the article itself or anything not published, and
// the newest articles as a fallback. Other test files create articles at the
// same time, so every article here has a topic or region of its own, and the
// fallback's articles are made the newest of all just before it is read.
import { describe, expect, it } from "vitest";
import { listRelatedArticles } from "@/lib/articles/related-articles";
import { createArticle, createTag } from "../fixtures/articles";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
/** Two unrelated articles, the newest of all (any made before them is older), the second newer. */
async function newestOfAll() {
  const now = Date.now();
  const older = await createArticle({ publishedAt: new Date(now) });
  const newest = await createArticle({ publishedAt: new Date(now + 1) });
  return { older, newest };
}

const GATED_SENTENCE = "Only readers with access may read this sentence okapithimble.";

describe("listRelatedArticles", () => {
  it("lists the three newest articles sharing a topic or a region, newest first", async () => {
    const [topic, region] = [await createTag("topic", "Shipping"), await createTag("region", "Baltic")];
    const current = await createArticle({ tagIds: [topic.id, region.id], publishedAt: daysAgo(20) });
    const byTopic = await createArticle({ tagIds: [topic.id], publishedAt: daysAgo(3) });
    const byRegion = await createArticle({ tagIds: [region.id], publishedAt: daysAgo(1) });
    const byBoth = await createArticle({ tagIds: [topic.id, region.id], publishedAt: daysAgo(5) });
    await createArticle({ tagIds: [topic.id], publishedAt: daysAgo(10) });
    await createArticle({ publishedAt: new Date() }); // the newest of all, but unrelated

    const related = await listRelatedArticles(current.id);
    expect(related.map((article) => article.slug)).toEqual([byRegion.slug, byTopic.slug, byBoth.slug]);
    expect(related[0]).toMatchObject({ title: byRegion.title, dek: byRegion.dek, kind: "daily" });
  });

  it("never lists the article itself, a draft, a scheduled article or one dated later", async () => {
    const topic = await createTag("topic", "Grain");
    const current = await createArticle({ tagIds: [topic.id], publishedAt: daysAgo(2) });
    const hidden = await Promise.all([
      createArticle({ tagIds: [topic.id], status: "draft", publishedAt: null }),
      createArticle({ tagIds: [topic.id], status: "scheduled", publishedAt: new Date(Date.now() + DAY) }),
      createArticle({ tagIds: [topic.id], status: "published", publishedAt: new Date(Date.now() + DAY) }),
      // Published once, then taken down: a draft again with its old date.
      createArticle({ tagIds: [topic.id], status: "draft", publishedAt: daysAgo(1) }),
    ]);
    const shown = await createArticle({ tagIds: [topic.id], publishedAt: daysAgo(4) });

    const related = await listRelatedArticles(current.id);
    expect(related).toHaveLength(3);
    expect(related[0]!.slug).toBe(shown.slug);
    const slugs = related.map((article) => article.slug);
    for (const article of [current, ...hidden]) expect(slugs).not.toContain(article.slug);
  });

  it("tops up with the newest articles when fewer than three share a topic or region", async () => {
    const region = await createTag("region", "Sahel");
    const current = await createArticle({ tagIds: [region.id], publishedAt: daysAgo(40) });
    const sharing = await createArticle({ tagIds: [region.id], publishedAt: daysAgo(30) });
    const { older, newest } = await newestOfAll();

    const related = await listRelatedArticles(current.id);
    expect(related.map((article) => article.slug)).toEqual([sharing.slug, newest.slug, older.slug]);
  });

  it("lists the newest articles for an article with no topic or region", async () => {
    const current = await createArticle({ publishedAt: daysAgo(7) });
    const { older, newest } = await newestOfAll();
    const related = await listRelatedArticles(current.id);
    expect(related).toHaveLength(3);
    expect(related.slice(0, 2).map((article) => article.slug)).toEqual([newest.slug, older.slug]);
    expect(related.map((article) => article.slug)).not.toContain(current.slug);
  });

  it("carries headlines and deks only, never article text", async () => {
    const topic = await createTag("topic", "Tariffs");
    const current = await createArticle({ tagIds: [topic.id] });
    await createArticle({
      tagIds: [topic.id],
      body: `One.\n\nTwo.\n\nThree.\n\n${GATED_SENTENCE}`,
      publishedAt: new Date(Date.now() - 1_000),
    });
    const related = await listRelatedArticles(current.id);
    expect(JSON.stringify(related)).not.toContain("okapithimble");
    expect(JSON.stringify(related)).not.toContain("Three.");
    for (const article of related) {
      expect(Object.keys(article).sort()).toEqual(
        [
          "authors",
          "dek",
          "free",
          "id",
          "kind",
          "leadImage",
          "publishedAt",
          "regions",
          "slug",
          "title",
          "topics",
          "updatedAt",
        ].sort(),
      );
    }
  });
});
