import { describe, expect, it } from "vitest";
import { parseTaxonomyInput, slugify } from "./taxonomy-input";

describe("slugify", () => {
  it.each([
    ["Middle East & Gulf", "middle-east-gulf"],
    ["  Énergie — Côte d’Ivoire ", "energie-cote-d-ivoire"],
    ["Ünïcödé", "unicode"],
    ["---", ""],
    ["a".repeat(100), "a".repeat(80)],
    // Cut at 80 characters, and no dash left dangling at the cut.
    [`${"abc-".repeat(20)}xyz`, "abc-".repeat(20).slice(0, 79)],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe("parseTaxonomyInput", () => {
  it("makes the slug from the name when none is given, and drops fields of other kinds", () => {
    expect(parseTaxonomyInput("topic", { name: " Food Security ", role: "x", description: " Crops. " })).toEqual({
      ok: true,
      fields: { name: "Food Security", slug: "food-security", role: "", bio: "", description: "Crops." },
    });
    expect(
      parseTaxonomyInput("author", { name: "Ana Ruiz", slug: "", role: "Editor", bio: "Writes.", description: "x" }),
    ).toEqual({
      ok: true,
      fields: { name: "Ana Ruiz", slug: "ana-ruiz", role: "Editor", bio: "Writes.", description: "" },
    });
  });

  it("keeps a typed slug, lower-cased, and refuses one that is not a slug", () => {
    expect(parseTaxonomyInput("region", { name: "Gulf", slug: "The-Gulf" })).toMatchObject({
      ok: true,
      fields: { slug: "the-gulf" },
    });
    for (const slug of ["the gulf", "the--gulf", "-gulf", "gulf/", "gölf", "a".repeat(81)]) {
      expect(parseTaxonomyInput("region", { name: "Gulf", slug }), slug).toMatchObject({
        ok: false,
        errors: { slug: expect.any(String) },
      });
    }
  });

  it("names every field that is wrong", () => {
    expect(parseTaxonomyInput("topic", {})).toMatchObject({ ok: false, errors: { name: "Give it a name." } });
    expect(parseTaxonomyInput("topic", { name: "   " })).toMatchObject({
      ok: false,
      errors: { name: "Give it a name." },
    });
    expect(parseTaxonomyInput("topic", { name: "x".repeat(121) })).toMatchObject({
      ok: false,
      errors: { name: expect.stringContaining("120") },
    });
    expect(parseTaxonomyInput("author", { name: "A", bio: "b".repeat(2001) })).toMatchObject({
      ok: false,
      errors: { bio: expect.stringContaining("2000") },
    });
    expect(parseTaxonomyInput("topic", { name: 5 })).toMatchObject({ ok: false, errors: { name: expect.any(String) } });
    expect(parseTaxonomyInput("topic", { name: "!!!" })).toMatchObject({
      ok: false,
      errors: { slug: expect.stringContaining("letters or digits") },
    });
    expect(parseTaxonomyInput("topic", null)).toMatchObject({ ok: false, errors: { name: expect.any(String) } });
  });
});
