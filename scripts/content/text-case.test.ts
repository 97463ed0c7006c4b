import { describe, expect, it } from "vitest";
import { mulberry32 } from "./mulberry32";
import { slugify } from "./slugify";
import { capitalizeSentences, fixIndefiniteArticles, possessive, titleCase } from "./text-case";

describe("text helpers", () => {
  it("title-cases headlines but keeps minor words and acronyms", () => {
    expect(titleCase("why the Netherlands' gas storage gamble could backfire this winter")).toBe(
      "Why the Netherlands' Gas Storage Gamble Could Backfire This Winter",
    );
    expect(titleCase("the long game: the IMF and long-term LNG contracts")).toBe(
      "The Long Game: The IMF and Long-Term LNG Contracts",
    );
  });

  it("capitalises each sentence", () => {
    expect(capitalizeSentences("officials insist. utilities are less sure? yes")).toBe(
      "Officials insist. Utilities are less sure? Yes",
    );
  });

  it("forms possessives", () => {
    expect(possessive("Germany")).toBe("Germany's");
    expect(possessive("the Philippines")).toBe("the Philippines'");
  });

  it("chooses a or an by sound", () => {
    expect(fixIndefiniteArticles("a 8.4% rise, a 11% fall, a 1.8% gap")).toBe("an 8.4% rise, an 11% fall, a 1.8% gap");
    expect(fixIndefiniteArticles("a energy problem, a LNG deal, a 5G plan, a universal scheme")).toBe(
      "an energy problem, an LNG deal, a 5G plan, a universal scheme",
    );
  });

  it("slugifies headlines", () => {
    expect(slugify("Why Germany's Gas Storage Gamble Could Backfire This Winter")).toBe(
      "why-germanys-gas-storage-gamble-could-backfire-this-winter",
    );
    expect(slugify("Brasília and Bogotá: The 5G Race?")).toBe("brasilia-and-bogota-the-5g-race");
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("-")).toBe(false);
  });

  it("mulberry32 is reproducible", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 5 }, () => a());
    expect(values).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
