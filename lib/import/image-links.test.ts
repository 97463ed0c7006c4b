import { describe, expect, it } from "vitest";
import { linkUnloadedImages } from "./image-links";

describe("linkUnloadedImages", () => {
  it("writes an image left at its old address as a link, keeping its alt text and caption", () => {
    const markdown = 'Before.\n\n![A blast furnace](https://example.org/a%20b.jpg "Duisburg, 2025")\n\nAfter.';
    expect(linkUnloadedImages(markdown, ["https://example.org/a b.jpg"])).toBe(
      "Before.\n\n[Image: A blast furnace. Duisburg, 2025](https://example.org/a%20b.jpg)\n\nAfter.",
    );
  });

  it("leaves library images and other images alone", () => {
    const markdown = "![Chart](/media/abcdefghijklmnopqrstuv?w=64&h=48)\n\n![](https://x.example/p.gif)";
    expect(linkUnloadedImages(markdown, ["https://other.example/p.gif"])).toBe(markdown);
    expect(linkUnloadedImages(markdown, ["https://x.example/p.gif"])).toContain("[Image](https://x.example/p.gif)");
  });
});
