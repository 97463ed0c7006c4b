import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./render-markdown";

describe("renderMarkdown", () => {
  it.each([
    // Inline, the tags go and their content stays as harmless text.
    ["a script tag", "Hello <script>alert(1)</script> world", ["<script", "</script"]],
    ["a script block", "<script>\nalert(1)\n</script>", ["<script", "alert(1)"]],
    ["an event handler in raw HTML", '<img src="x.png" onerror="alert(1)">', ["onerror", "<img"]],
    ["an event handler on a link", '<a href="/x" onclick="steal()">x</a>', ["onclick", "steal()"]],
    ["a javascript: link", "[click](javascript:alert(1))", ["javascript:"]],
    ["a JavaScript: link in mixed case", "[click](JaVaScRiPt:alert(1))", ["javascript:", "JaVaScRiPt"]],
    ["an encoded javascript: link", "[click](&#106;avascript:alert(1))", ["avascript:"]],
    ["a javascript: image", "![x](javascript:alert(1))", ["javascript:"]],
    ["a data: URL link", "[x](data:text/html;base64,PHNjcmlwdD4=)", ["data:text/html"]],
    ["an iframe", '<iframe src="https://evil.example"></iframe>', ["<iframe"]],
    ["a style tag", "<style>body{display:none}</style>", ["<style", "display:none"]],
    ["an inline style attribute", '<p style="color:red">x</p>', ["style="]],
    ["an svg with onload", '<svg onload="alert(1)"></svg>', ["<svg", "onload"]],
    ["a form", '<form action="https://evil.example"><input name="p"></form>', ["<form", "<input"]],
    ["an HTML comment", "before <!-- paywall --> after", ["<!--"]],
  ])("removes %s", (_label, markdown, forbidden) => {
    const html = renderMarkdown(markdown);
    for (const fragment of forbidden) expect(html.toLowerCase()).not.toContain(fragment.toLowerCase());
  });

  it.each([
    ["a paragraph", "Hello world.", "<p>Hello world.</p>"],
    ["emphasis", "*a* and **b**", "<p><em>a</em> and <strong>b</strong></p>"],
    ["a heading", "## Outlook", "<h2>Outlook</h2>"],
    ["an https link", "[Reuters](https://example.org/a)", '<a href="https://example.org/a">Reuters</a>'],
    ["a relative link", "[archive](/archive)", '<a href="/archive">archive</a>'],
    ["a quote", "> words", "<blockquote>"],
    ["a list", "- one\n- two", "<li>one</li>"],
  ])("keeps %s", (_label, markdown, expected) => {
    expect(renderMarkdown(markdown)).toContain(expected);
  });

  it("escapes text that looks like HTML inside code", () => {
    expect(renderMarkdown("`<b>`")).toContain("&#x3C;b>");
  });
});

describe("markdownToText", () => {
  it("strips markup and decodes entities", () => {
    expect(markdownToText("**Oil** & [gas](https://x.org) <script>x()</script>")).toBe("Oil & gas x()");
  });
});
