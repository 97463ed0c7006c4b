import { describe, expect, it } from "vitest";
import { chooseSetting } from "./article-setting";
import { fillTemplate, templateSlots } from "./fill-template";
import { DAILY_HEADLINES, DEKS, IN_DEPTH_DEKS, IN_DEPTH_HEADLINES } from "./headline-templates";
import { Random } from "./random";
import { SECTION_HEADINGS } from "./section-headings";
import { SENTENCE_TEMPLATES } from "./sentence-templates";
import { createSlotResolver } from "./slot-resolver";

const ALL_TEMPLATES = [
  ...Object.values(SENTENCE_TEMPLATES).flat(),
  ...Object.values(SECTION_HEADINGS).flat(),
  ...DAILY_HEADLINES,
  ...IN_DEPTH_HEADLINES,
  ...DEKS,
  ...IN_DEPTH_DEKS,
];

describe("templates", () => {
  it("only use slots the resolver knows, across many settings", () => {
    const rng = new Random(99);
    for (let round = 0; round < 50; round++) {
      const resolve = createSlotResolver(rng, chooseSetting(rng, 2026));
      for (const template of ALL_TEMPLATES) {
        const text = fillTemplate(template, resolve);
        expect(text, template).not.toMatch(/[{}]|undefined/);
      }
    }
  });

  it("give body sentences enough slots to stay distinct", () => {
    for (const template of Object.values(SENTENCE_TEMPLATES).flat()) {
      expect(templateSlots(template).length, template).toBeGreaterThanOrEqual(3);
      expect(template, template).toMatch(/[.?]$/);
    }
  });

  it("has no duplicate templates", () => {
    expect(new Set(ALL_TEMPLATES).size).toBe(ALL_TEMPLATES.length);
  });
});
