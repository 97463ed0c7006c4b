// The gated part is only read from the database for a "full" decision.
import { describe, expect, it } from "vitest";
import { loadArticleText, loadPreviews } from "@/lib/articles/article-text";
import { createArticle } from "../fixtures/articles";

const SECRET = "The secret paragraph names the minister";

describe("loadArticleText", () => {
  it("returns only the preview for a preview decision", async () => {
    const article = await createArticle({ body: `One.\n\nTwo.\n\nThree.\n\n${SECRET}.\n\nFive.` });
    const text = await loadArticleText(article.id, "preview");
    expect(text).toEqual({ previewMarkdown: "One.\n\nTwo.\n\nThree.", gatedMarkdown: null, hasGatedPart: true });
    expect(JSON.stringify(text)).not.toContain(SECRET);
  });

  it("returns the rest for a full decision", async () => {
    const article = await createArticle({ body: `One.\n\nTwo.\n\nThree.\n\n${SECRET}.\n\nFive.` });
    const text = await loadArticleText(article.id, "full");
    expect(text?.previewMarkdown).toBe("One.\n\nTwo.\n\nThree.");
    expect(text?.gatedMarkdown).toBe(`${SECRET}.\n\nFive.`);
  });

  it("cuts at the editor's marker", async () => {
    const article = await createArticle({ body: `Lead.\n\n<!-- paywall -->\n\n${SECRET}.` });
    expect(await loadArticleText(article.id, "preview")).toMatchObject({
      previewMarkdown: "Lead.",
      hasGatedPart: true,
    });
  });

  it("knows when an article is shorter than its preview", async () => {
    const article = await createArticle({ body: "Only one paragraph." });
    expect(await loadArticleText(article.id, "preview")).toEqual({
      previewMarkdown: "Only one paragraph.",
      gatedMarkdown: null,
      hasGatedPart: false,
    });
  });

  it("returns null for an unknown id", async () => {
    expect(await loadArticleText("00000000-0000-0000-0000-000000000000", "full")).toBeNull();
  });
});

describe("loadPreviews", () => {
  it("returns previews of several articles and never their gated part", async () => {
    const a = await createArticle({ body: `A1.\n\nA2.\n\nA3.\n\n${SECRET} A.` });
    const b = await createArticle({ body: `B1.\n\n<!-- paywall -->\n\n${SECRET} B.` });
    const previews = await loadPreviews([a.id, b.id]);
    expect(previews.get(a.id)).toBe("A1.\n\nA2.\n\nA3.");
    expect(previews.get(b.id)).toBe("B1.");
  });
});
