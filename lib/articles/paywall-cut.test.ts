// The paywall cut: a table of cases, then properties over random Markdown
// documents (fast-check).
//
// What "preview + gated = the whole text" means here: the body is exactly
//   W1 + preview + BETWEEN + gated + W2
// where W1 and W2 are whitespace only, and BETWEEN is whitespace only (a cut
// by the paragraph count) or whitespace, the marker line, whitespace (a cut
// by the editor's marker). Nothing else of the body is left out, nothing is
// added, and both parts are the author's characters unchanged.
import fc from "fast-check";
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { cutArticle, joinParts, topLevelBlocks } from "./paywall-cut";

const FENCE = "```";

describe("the paywall cut", () => {
  it.each([
    ["the first three paragraphs", "a\n\nb\n\nc\n\nd\n\ne", 3, "a\n\nb\n\nc", "d\n\ne"],
    ["a setting of one paragraph", "a\n\nb\n\nc", 1, "a", "b\n\nc"],
    ["a setting below one counts as one", "a\n\nb", 0, "a", "b"],
    ["an article shorter than the preview", "a\n\nb", 3, "a\n\nb", ""],
    ["an article of exactly the preview", "a\n\nb\n\nc", 3, "a\n\nb\n\nc", ""],
    ["an empty body", "", 3, "", ""],
    ["several blank lines between paragraphs", "a\n\n\n\nb\n \t\nc\n\nd", 3, "a\n\n\n\nb\n \t\nc", "d"],
    ["Windows line endings, kept as written", "a\r\n\r\nb\r\n\r\nc\r\n\r\nd", 3, "a\r\n\r\nb\r\n\r\nc", "d"],
    ["leading and trailing blank lines", "\n\na\n\nb\n\nc\n\nd\n\n", 3, "a\n\nb\n\nc", "d"],
    ["a paragraph with single line breaks", "a1\na2\n\nb\n\nc\n\nd", 3, "a1\na2\n\nb\n\nc", "d"],
    [
      "a fenced code block with blank lines in it is one block",
      `a\n\n${FENCE}js\nx = 1\n\n\ny = 2\n${FENCE}\n\nc\n\nd`,
      3,
      `a\n\n${FENCE}js\nx = 1\n\n\ny = 2\n${FENCE}\n\nc`,
      "d",
    ],
    [
      "a loose list is one block",
      "a\n\n- one\n\n- two\n\n- three\n\nc\n\nd",
      3,
      "a\n\n- one\n\n- two\n\n- three\n\nc",
      "d",
    ],
    [
      "a table is one block",
      "a\n\n| x | y |\n| - | - |\n| 1 | 2 |\n\nc\n\nd",
      2,
      "a\n\n| x | y |\n| - | - |\n| 1 | 2 |",
      "c\n\nd",
    ],
    ["a blockquote of paragraphs is one block", "a\n\n> q1\n>\n> q2\n\nc\n\nd", 2, "a\n\n> q1\n>\n> q2", "c\n\nd"],
    ["indented code keeps its indentation", "a\n\n    code\n\n    more\n\nc", 1, "a", "    code\n\n    more\n\nc"],
    ["headings are not counted", "# H\n\na\n\n## H2\n\nb\n\nc\n\nd", 3, "# H\n\na\n\n## H2\n\nb\n\nc", "d"],
    ["a heading goes with what follows it", "a\n\nb\n\nc\n\n## Next\n\nd", 3, "a\n\nb\n\nc", "## Next\n\nd"],
    [
      "no cut when only a heading or rule would be gated",
      "a\n\nb\n\nc\n\n---\n\n## End",
      3,
      "a\n\nb\n\nc\n\n---\n\n## End",
      "",
    ],
    ["the editor's marker", "a\n\n<!-- paywall -->\n\nb\n\nc", 3, "a", "b\n\nc"],
    [
      "the marker overrides the paragraph count",
      "a\n\nb\n\nc\n\nd\n\n<!-- paywall -->\n\ne",
      3,
      "a\n\nb\n\nc\n\nd",
      "e",
    ],
    ["a marker without spaces, right under a paragraph", "a\n<!--paywall-->\nb", 3, "a", "b"],
    ["an indented marker", "a\n\n   <!--  paywall  -->\n\nb", 3, "a", "b"],
    ["a marker on the first line", "<!-- paywall -->\n\nall gated", 3, "", "all gated"],
    ["a marker at the end", "a\n\nb\n\n<!-- paywall -->", 3, "a\n\nb", ""],
    [
      "only the first marker cuts",
      "a\n\n<!-- paywall -->\n\nb\n\n<!-- paywall -->\n\nc",
      3,
      "a",
      "b\n\n<!-- paywall -->\n\nc",
    ],
    [
      "a marker inside a sentence is not a cut",
      "a <!-- paywall --> b\n\nc\n\nd\n\ne",
      3,
      "a <!-- paywall --> b\n\nc\n\nd",
      "e",
    ],
    [
      "a marker inside a code block is not a cut",
      `a\n\n${FENCE}\n<!-- paywall -->\n${FENCE}\n\nc\n\nd`,
      3,
      `a\n\n${FENCE}\n<!-- paywall -->\n${FENCE}\n\nc`,
      "d",
    ],
    ["a marker indented as code is not a cut", "a\n\n    <!-- paywall -->\n\nb", 1, "a", "    <!-- paywall -->\n\nb"],
    [
      "a marker inside a list is not a cut",
      "- a\n\n  <!-- paywall -->\n\n- b\n\nc",
      1,
      "- a\n\n  <!-- paywall -->\n\n- b",
      "c",
    ],
    [
      "a marker inside a blockquote is not a cut",
      "> a\n>\n> <!-- paywall -->\n\nb",
      1,
      "> a\n>\n> <!-- paywall -->",
      "b",
    ],
    [
      "a marker inside a table is not a cut",
      "| a |\n| - |\n| <!-- paywall --> |\n\nb",
      1,
      "| a |\n| - |\n| <!-- paywall --> |",
      "b",
    ],
    [
      "a marker with text after it on its line is not a cut",
      "a\n\n<!-- paywall --> more\n\nb\n\nc\n\nd",
      3,
      "a\n\n<!-- paywall --> more\n\nb\n\nc",
      "d",
    ],
  ])("%s", (_label, body, paragraphs, preview, gated) => {
    const cut = cutArticle(body, paragraphs);
    expect({ preview: cut.preview, gated: cut.gated }).toEqual({ preview, gated });
  });

  it("says how it cut, and on which line", () => {
    expect(cutArticle("a\n\nb\n\n<!-- paywall -->\n\nc", 3)).toMatchObject({ cutBy: "marker", cutLine: 5 });
    expect(cutArticle("a\n\nb\n\nc\n\nd", 3)).toMatchObject({ cutBy: "paragraphs", cutLine: 7 });
    expect(cutArticle("a\n\nb", 3)).toMatchObject({ cutBy: "paragraphs", cutLine: null });
    expect(cutArticle("a\n\n<!-- paywall -->", 3)).toMatchObject({ cutBy: "marker", cutLine: 3, gated: "" });
  });

  it("joins the parts back for a reader who reads the whole article", () => {
    expect(joinParts("a", "b")).toBe("a\n\nb");
    expect(joinParts("a", null)).toBe("a");
    expect(joinParts("a", "")).toBe("a");
    expect(joinParts("", "b")).toBe("b");
  });
});

// Random documents. Words are lower-case letters or GFM's inline syntax, so a
// paragraph never turns into another construct by accident; the blocks that
// contain a marker line (code, lists, quotes, tables) are where a regex would
// cut wrongly.
const word = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z]{1,8}$/), weight: 8 },
  {
    arbitrary: fc.constantFrom("~~gone~~", "www.example.com", "https://example.org/a", "x@example.org", "[^1]", "*em*"),
    weight: 1,
  },
);
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));
const marker = fc.constantFrom("<!-- paywall -->", "<!--paywall-->", "  <!--  paywall -->");
const codeLine = fc.oneof(line, fc.constant(""), fc.constant("<!-- paywall -->"), fc.constant("- not a list"));

const block = fc.oneof(
  { arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join("\n")), weight: 6 },
  {
    arbitrary: fc.tuple(fc.constantFrom("#", "##", "###"), line).map(([hashes, text]) => `${hashes} ${text}`),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.constantFrom("", "js", "text"), fc.array(codeLine, { minLength: 1, maxLength: 5 }))
      .map(([language, lines]) => `${FENCE}${language}\n${lines.join("\n")}\n${FENCE}`),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
      .map(
        ([items, loose, withMarker]) =>
          items.map((item) => `- ${item}`).join(loose ? "\n\n" : "\n") + (withMarker ? "\n\n  <!-- paywall -->" : ""),
      ),
    weight: 2,
  },
  {
    arbitrary: fc
      .array(line, { minLength: 1, maxLength: 3 })
      .map((items) => items.map((item, index) => `${index + 1}. ${item}`).join("\n")),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([lines, withMarker]) =>
        [...lines, ...(withMarker ? ["", "<!-- paywall -->"] : [])]
          .map((text) => (text ? `> ${text}` : ">"))
          .join("\n"),
      ),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(word, word, fc.array(fc.tuple(fc.oneof(word, fc.constant("<!-- paywall -->")), word), { maxLength: 3 }))
      .map(([a, b, rows]) => [`| ${a} | ${b} |`, "| - | - |", ...rows.map(([x, y]) => `| ${x} | ${y} |`)].join("\n")),
    weight: 1,
  },
  {
    arbitrary: fc
      .array(line, { minLength: 1, maxLength: 2 })
      .map((lines) => lines.map((text) => `    ${text}`).join("\n")),
    weight: 1,
  },
  { arbitrary: fc.constantFrom("---", "***"), weight: 1 },
  {
    arbitrary: fc.constantFrom("- [ ] to do\n- [x] done", "[^1]: A footnote.", "[link]: https://example.org"),
    weight: 1,
  },
  { arbitrary: marker, weight: 2 },
);

const separator = fc.constantFrom("\n\n", "\n\n\n", "\n \n", "\n\t\n\n");
const document = fc
  .tuple(
    fc.array(fc.tuple(block, separator), { maxLength: 14 }),
    fc.constantFrom("", "\n", "\n\n"),
    fc.constantFrom("", "\n", "\n\n"),
  )
  .map(
    ([parts, lead, trail]) =>
      lead + parts.map(([text, sep], index) => (index === 0 ? text : sep + text)).join("") + trail,
  );

// Parsed here independently of the module under test.
const parser = unified().use(remarkParse).use(remarkGfm);
const COUNTED = new Set(["paragraph", "list", "blockquote", "code", "table"]);
const MARKER = /^<!--\s*paywall\s*-->$/i;

function blocksOf(markdown: string) {
  const tree = parser.parse(markdown) as Root;
  return tree.children.map((node) => {
    const { start, end } = node.position!;
    return {
      type: node.type,
      isMarker: node.type === "html" && MARKER.test(node.value.trim()),
      lineStart: start.offset! - (start.column - 1),
      start: start.offset!,
      end: end.offset!,
    };
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the paywall cut, over random Markdown documents", () => {
  it("sees the top-level blocks that remark-gfm, which renders articles, sees", () => {
    fc.assert(
      fc.property(document, (body) => {
        const ours = topLevelBlocks(body).map((block) => [block.node.type, block.start, block.end]);
        const rendered = blocksOf(body).map((block) => [
          block.type,
          body.slice(block.lineStart, block.start).trim() === "" ? block.lineStart : block.start,
          block.end,
        ]);
        expect(ours).toEqual(rendered);
      }),
      { numRuns: 500 },
    );
  });

  it("gives back the whole text, cut at a top-level block boundary", () => {
    fc.assert(
      fc.property(document, fc.integer({ min: 1, max: 6 }), (body, paragraphs) => {
        const cut = cutArticle(body, paragraphs);
        const between = cut.cutBy === "marker" ? "\\s*[ \\t]*<!--\\s*paywall\\s*-->[ \\t]*\\s*" : "\\s*";
        const whole = new RegExp(`^(\\s*)(${escape(cut.preview)})(${between})(${escape(cut.gated)})\\s*$`, "i");
        const match = whole.exec(body);
        expect(match, "body = whitespace + preview + (marker) + gated + whitespace").not.toBeNull();
        const previewStart = match![1]!.length;
        const previewEnd = previewStart + cut.preview.length;
        const gatedStart = previewEnd + match![3]!.length;
        const gatedEnd = gatedStart + cut.gated.length;

        const blocks = blocksOf(body);
        const firstMarker = blocks.find((block) => block.isMarker);
        // Every block is wholly in the preview, wholly in the gated part, or
        // is the marker that cut: the cut falls inside no block.
        for (const block of blocks) {
          const inPreview = block.start >= previewStart && block.end <= previewEnd;
          const inGated = block.start >= gatedStart && block.end <= gatedEnd;
          expect(inPreview || inGated || block === firstMarker, `${block.type} at ${block.start}`).toBe(true);
        }
        // Both parts start at the start of a block's line and end at a block's end.
        if (cut.preview !== "") {
          expect(blocks.some((block) => block.lineStart === previewStart)).toBe(true);
          expect(blocks.some((block) => block.end === previewEnd)).toBe(true);
        }
        if (cut.gated !== "") {
          expect(blocks.some((block) => block.lineStart === gatedStart)).toBe(true);
          expect(blocks.some((block) => block.end === gatedEnd)).toBe(true);
        }

        // The marker cuts when there is one at the top level, and only then.
        expect(cut.cutBy).toBe(firstMarker ? "marker" : "paragraphs");
        if (!firstMarker) {
          const counted = (from: number, to: number) =>
            blocks.filter((block) => COUNTED.has(block.type) && block.start >= from && block.end <= to).length;
          const total = counted(0, body.length);
          // The preview holds the first N paragraphs (or all there are), and
          // the gated part the rest of them.
          expect(counted(previewStart, previewEnd)).toBe(Math.min(total, paragraphs));
          expect(counted(gatedStart, gatedEnd)).toBe(Math.max(0, total - paragraphs));
        }
      }),
      { numRuns: 500 },
    );
  });
});
