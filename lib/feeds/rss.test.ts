import { describe, expect, it } from "vitest";
import { escapeXml, renderRss } from "./rss";

describe("escapeXml", () => {
  it.each([
    ["a & b", "a &amp; b"],
    ["<script>", "&lt;script&gt;"],
    [`"quoted" 'single'`, "&quot;quoted&quot; &apos;single&apos;"],
    ["bell\u0007 and null\u0000", "bell and null"],
    ["emoji 🌍 stays", "emoji 🌍 stays"],
  ])("%j -> %j", (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe("renderRss", () => {
  it("renders items with escaped text", () => {
    const xml = renderRss({
      title: "T",
      link: "http://x/",
      description: "D",
      selfLink: "http://x/feed.xml",
      items: [
        {
          title: "Oil & <gas>",
          link: "http://x/articles/a",
          description: "Preview",
          publishedAt: new Date("2026-01-02T03:04:05Z"),
          authors: ["A. Writer"],
          categories: ["Energy"],
        },
      ],
    });
    expect(xml).toContain("<title>Oil &amp; &lt;gas&gt;</title>");
    expect(xml).toContain("<pubDate>Fri, 02 Jan 2026 03:04:05 GMT</pubDate>");
    expect(xml).toContain("<dc:creator>A. Writer</dc:creator>");
  });
});
