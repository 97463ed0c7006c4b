import { describe, expect, it } from "vitest";
import { AUTHOR_PROFILES } from "./authors";
import { generateCatalog } from "./generate-catalog";

describe("generateCatalog", () => {
  const catalog = generateCatalog();

  it("has a dozen authors, ten topics and eight regions with unique slugs", () => {
    expect(catalog.authors).toHaveLength(12);
    expect(catalog.topics).toHaveLength(10);
    expect(catalog.regions).toHaveLength(8);
    for (const rows of [catalog.authors, catalog.topics, catalog.regions]) {
      expect(new Set(rows.map((row) => row.slug)).size).toBe(rows.length);
      for (const row of rows) expect(row.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("describes every author and tag", () => {
    for (const author of catalog.authors) {
      expect(author.role.length).toBeGreaterThan(5);
      expect(author.bio.split(". ").length).toBeGreaterThanOrEqual(2);
    }
    for (const tag of [...catalog.topics, ...catalog.regions]) expect(tag.description).toMatch(/^[A-Z].{20,}\.$/);
    expect(catalog.topics.every((t) => t.type === "topic")).toBe(true);
    expect(catalog.regions.every((r) => r.type === "region")).toBe(true);
  });

  it("only gives authors beats that exist", () => {
    const topics = new Set(catalog.topics.map((t) => t.slug));
    const regions = new Set(catalog.regions.map((r) => r.slug));
    for (const author of AUTHOR_PROFILES) {
      for (const topic of author.topics) expect(topics.has(topic), topic).toBe(true);
      for (const region of author.regions) expect(regions.has(region), region).toBe(true);
    }
  });
});
