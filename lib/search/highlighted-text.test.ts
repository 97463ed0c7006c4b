import { describe, expect, it } from "vitest";
import { highlightedHtml, MATCH_START as S, MATCH_STOP as E, parseHighlighted, plainText } from "./highlighted-text";

describe("parseHighlighted", () => {
  it("splits marked text into plain and matched pieces", () => {
    expect(parseHighlighted(`${S}Grain${E} exports\nand ${S}grain${E}`)).toEqual([
      { text: "Grain", match: true },
      { text: " exports and ", match: false },
      { text: "grain", match: true },
    ]);
  });

  it("leaves out Markdown syntax from body snippets", () => {
    const snippet = parseHighlighted(
      `## The ${S}Outlook${E}\n\nSee **the [report](https://example.org)** and > quotes`,
      { markdown: true },
    );
    expect(plainText(snippet)).toBe("The Outlook See the report and > quotes");
  });
});

describe("highlightedHtml", () => {
  it("escapes everything but the marks", () => {
    expect(highlightedHtml(parseHighlighted(`<script>x</script> & ${S}"a"${E}`))).toBe(
      "&lt;script&gt;x&lt;/script&gt; &amp; <mark>&quot;a&quot;</mark>",
    );
  });
});
