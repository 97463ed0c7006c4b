import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

const key = "AbCdEfGhIjKlMnOpQrSt_-";

describe("library images in article bodies", () => {
  it("become a figure with the stored sizes, the box reserved and the title as caption", () => {
    const html = renderMarkdown(`Before.\n\n![A harbour crane](/media/${key}?w=1600&h=900 "Cranes at dawn")\n\nAfter.`);
    expect(html).toContain('<figure class="body-image">');
    expect(html).toContain(`src="/media/${key}/960.webp"`);
    expect(html).toContain(`srcset="/media/${key}/320.webp 320w, /media/${key}/640.webp 640w`);
    expect(html).toContain('width="960" height="540"');
    expect(html).toContain('alt="A harbour crane"');
    expect(html).toContain('loading="lazy"');
    expect(html).toContain("<figcaption>Cranes at dawn</figcaption>");
    expect(html).not.toContain("<p><figure");
  });

  it("leaves other images as the sanitizer does, and cannot be used to add attributes", () => {
    const html = renderMarkdown(`![x](/media/${key}?w=1&h=1&onerror=alert(1))\n\n![y](javascript:alert(1))`);
    expect(html).not.toContain("srcset");
    expect(html).not.toContain("javascript:");
    expect(html).not.toMatch(/\sonerror=/);
  });
});
