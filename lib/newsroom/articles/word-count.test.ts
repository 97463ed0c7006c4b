import { describe, expect, it } from "vitest";
import { countWords, describeCount, WORDS_PER_MINUTE } from "./word-count";

describe("countWords", () => {
  it.each([
    ["an empty body", "", 0],
    ["plain words", "The tanker left port on Monday.", 6],
    ["headings and emphasis", "## The *new* levy\n\n**Bold** claims, _quietly_ made.", 7],
    ["the preview cut is not a word", "One two.\n\n<!-- paywall -->\n\nThree.", 3],
    ["a link counts its text, not its address", "See [the ministry's note](https://example.org/a/b-c) today.", 5],
    ["an image's address is not a word", "![A map of the pipeline](/media/map.webp)", 5],
    ["numbers and decimals are one word each", "It cost 1,250.50 euros in 2026.", 6],
    ["hyphenated and apostrophes", "A well-known editor's choice.", 4],
    ["list markers and quotes", "- one\n- two\n\n> three", 3],
    ["other scripts", "Преса і війна 新闻", 4],
  ])("%s", (_name, markdown, words) => {
    expect(countWords(markdown).words).toBe(words);
  });

  it("reads at least a minute, rounded, once there is a word", () => {
    expect(countWords("word").minutes).toBe(1);
    expect(
      countWords(
        Array(WORDS_PER_MINUTE * 3)
          .fill("word")
          .join(" "),
      ).minutes,
    ).toBe(3);
    expect(
      countWords(
        Array(Math.round(WORDS_PER_MINUTE * 3.6))
          .fill("word")
          .join(" "),
      ).minutes,
    ).toBe(4);
  });
});

describe("describeCount", () => {
  it.each([
    [{ words: 0, minutes: 0 }, "0 words"],
    [{ words: 1, minutes: 1 }, "1 word · 1 min read"],
    [{ words: 1234, minutes: 5 }, "1,234 words · 5 min read"],
  ])("%o", (count, text) => {
    expect(describeCount(count)).toBe(text);
  });
});
