import { describe, expect, it } from "vitest";
import { PAYWALL_MARKER } from "./compose-body";
import { generateArticles, type GeneratedArticle } from "./generate-articles";
import { generateCatalog } from "./generate-catalog";

const NOW = new Date("2026-11-29T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const corpus = [...generateArticles({ count: 5000, seed: 7, now: NOW })];

/** Prose paragraphs only: not `## ` headings, not the paywall line. */
function paragraphs(article: GeneratedArticle): string[] {
  return article.body.split("\n\n").filter((block) => !block.startsWith("## ") && block !== PAYWALL_MARKER);
}

function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.?!])\s+/);
}

function share(predicate: (article: GeneratedArticle) => boolean): number {
  return corpus.filter(predicate).length / corpus.length;
}

describe("generateArticles", () => {
  it("is deterministic for a seed and now", () => {
    const again = [...generateArticles({ count: 200, seed: 7, now: NOW })];
    expect(again).toEqual(corpus.slice(0, 200));
    const other = [...generateArticles({ count: 200, seed: 8, now: NOW })];
    expect(other.map((a) => a.slug)).not.toEqual(again.map((a) => a.slug));
  });

  it("keeps slugs when only now changes, so re-seeding later skips existing articles", () => {
    const later = [...generateArticles({ count: 1000, seed: 7, now: new Date(NOW.getTime() + 3 * 60 * 60 * 1000) })];
    const slugs = new Set(corpus.slice(0, 1000).map((a) => a.slug));
    expect(later.filter((a) => !slugs.has(a.slug)).length).toBeLessThanOrEqual(2);
  });

  it("gives unique, URL-safe slugs over 5,000 articles", () => {
    const slugs = corpus.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(85);
    }
  });

  it("writes 5-8 paragraphs for daily analysis and 8-14 with 2-4 subheadings for in-depth reports", () => {
    for (const article of corpus) {
      const count = paragraphs(article).length;
      const headings = article.body.split("\n\n").filter((block) => block.startsWith("## ")).length;
      if (article.kind === "daily") {
        expect(count).toBeGreaterThanOrEqual(5);
        expect(count).toBeLessThanOrEqual(8);
        expect(headings).toBe(0);
      } else {
        expect(count).toBeGreaterThanOrEqual(8);
        expect(count).toBeLessThanOrEqual(14);
        expect(headings).toBeGreaterThanOrEqual(2);
        expect(headings).toBeLessThanOrEqual(4);
        // The default preview (first three blocks) is all prose.
        expect(
          article.body
            .split("\n\n")
            .slice(0, 3)
            .some((block) => block.startsWith("## ")),
        ).toBe(false);
      }
    }
  });

  it("puts the paywall line on its own after the 2nd-4th paragraph in about 30% of bodies", () => {
    for (const article of corpus) {
      const blocks = article.body.split("\n\n");
      const at = blocks.indexOf(PAYWALL_MARKER);
      if (at === -1) {
        expect(article.body).not.toContain("paywall");
        continue;
      }
      expect(blocks.lastIndexOf(PAYWALL_MARKER)).toBe(at);
      const before = blocks.slice(0, at).filter((block) => !block.startsWith("## ")).length;
      expect(before).toBeGreaterThanOrEqual(2);
      expect(before).toBeLessThanOrEqual(4);
    }
    expect(share((a) => a.body.includes(PAYWALL_MARKER))).toBeGreaterThan(0.26);
    expect(share((a) => a.body.includes(PAYWALL_MARKER))).toBeLessThan(0.34);
  });

  it("never repeats a sentence, so any gated sentence identifies its article", () => {
    const seen = new Set<string>();
    for (const article of corpus) {
      for (const sentence of paragraphs(article).flatMap(sentences)) {
        expect(seen.has(sentence), sentence).toBe(false);
        seen.add(sentence);
      }
    }
  });

  it("keeps a sentence free of HTML-escaped characters in every paragraph", () => {
    for (const article of corpus) {
      for (const paragraph of paragraphs(article)) {
        expect(
          sentences(paragraph).some((s) => !/['"&<>]/.test(s)),
          paragraph,
        ).toBe(true);
      }
    }
  });

  it("contains no placeholder text or unfilled slots", () => {
    for (const article of corpus) {
      const text = `${article.title}\n${article.dek}\n${article.body}`;
      expect(text).not.toMatch(/lorem|ipsum|undefined/i);
      expect(text).not.toMatch(/\bNaN\b|[{}]|[.?!] [a-z]/);
      expect(article.title.length).toBeGreaterThan(15);
      expect(article.dek).toMatch(/[.?]$/);
    }
  });

  it("gives every article 1-2 authors, topics and regions from the catalogue", () => {
    const catalog = generateCatalog();
    const authors = new Set(catalog.authors.map((a) => a.slug));
    const topics = new Set(catalog.topics.map((t) => t.slug));
    const regions = new Set(catalog.regions.map((r) => r.slug));
    for (const article of corpus) {
      for (const [slugs, known] of [
        [article.authorSlugs, authors],
        [article.topicSlugs, topics],
        [article.regionSlugs, regions],
      ] as const) {
        expect(slugs.length).toBeGreaterThanOrEqual(1);
        expect(slugs.length).toBeLessThanOrEqual(2);
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) expect(known.has(slug)).toBe(true);
      }
    }
  });

  it("makes about 8% free and 30% in-depth, all published within the past two years", () => {
    expect(share((a) => a.free)).toBeGreaterThan(0.06);
    expect(share((a) => a.free)).toBeLessThan(0.1);
    expect(share((a) => a.kind === "in_depth")).toBeGreaterThan(0.27);
    expect(share((a) => a.kind === "in_depth")).toBeLessThan(0.33);
    for (const article of corpus) {
      expect(article.status).toBe("published");
      const time = article.publishedAt!.getTime();
      expect(time).toBeLessThan(NOW.getTime());
      expect(time).toBeGreaterThan(NOW.getTime() - 733 * DAY_MS);
    }
  });

  it("ends with the requested drafts and scheduled articles", () => {
    const articles = [...generateArticles({ count: 300, seed: 2026, now: NOW, drafts: 5, scheduled: 2 })];
    expect(articles.slice(0, 293).every((a) => a.status === "published")).toBe(true);
    expect(articles.slice(293, 298).every((a) => a.status === "draft" && a.publishedAt === null)).toBe(true);
    for (const article of articles.slice(298)) {
      expect(article.status).toBe("scheduled");
      expect(article.publishedAt!.getTime()).toBeGreaterThan(NOW.getTime());
    }
  });

  it("rejects impossible counts", () => {
    expect(() => generateArticles({ count: 2, drafts: 3 }).next()).toThrow(RangeError);
    expect(() => generateArticles({ count: -1 }).next()).toThrow(RangeError);
  });
});
