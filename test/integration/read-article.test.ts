// The one read of article text (lib/access/read-article.ts) against real
// PostgreSQL: the decision comes with the preview, and the gated part is
// loaded only for a "full" decision.
import { describe, expect, it } from "vitest";
import { spendUnlock } from "@/lib/access/reader-meter";
import { readArticleFor, readArticlesFor, readArticlesForAudience } from "@/lib/access/read-article";
import { db } from "@/lib/db/prisma";
import { createArticle } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const SECRET = "The secret paragraph names the minister";
const BODY = `One.\n\nTwo.\n\nThree.\n\n${SECRET}.\n\nFive.`;
const NOBODY = {
  subscriptions: [],
  compUntil: null,
  unlockedThisArticle: false,
  unlocksThisMonth: 0,
  organisations: [],
};
const SUBSCRIBER = {
  ...NOBODY,
  subscriptions: [
    { status: "active", currentPeriodEnd: new Date(Date.now() + 86_400_000), pastDueSince: null, endedAt: null },
  ],
};

describe("readArticlesFor", () => {
  it("returns only the preview for a preview decision", async () => {
    const article = await createArticle({ body: BODY });
    const text = (await readArticlesFor(null, [article])).get(article.id);
    expect(text).toEqual({
      level: "preview",
      decision: { level: "preview", reason: "anonymous" },
      previewMarkdown: "One.\n\nTwo.\n\nThree.",
      hasGatedPart: true,
      gatedMarkdown: null,
    });
    expect(JSON.stringify(text)).not.toContain(SECRET);
  });

  it("returns the rest for a full decision", async () => {
    const article = await createArticle({ body: BODY });
    const reader = await createReader();
    await spendUnlock(reader, article.id);
    const text = (await readArticlesFor(reader, [article])).get(article.id);
    expect(text).toMatchObject({ level: "full", previewMarkdown: "One.\n\nTwo.\n\nThree." });
    expect(text?.gatedMarkdown).toBe(`${SECRET}.\n\nFive.`);
  });

  it("cuts at the editor's marker, and not at one inside a code block", async () => {
    const marked = await createArticle({ body: `Lead.\n\n<!-- paywall -->\n\n${SECRET}.` });
    const fenced = await createArticle({
      body: "Lead.\n\n```\n<!-- paywall -->\n\nstill code\n```\n\nThree.\n\nFour.",
    });
    const texts = await readArticlesFor(null, [marked, fenced]);
    expect(texts.get(marked.id)).toMatchObject({ previewMarkdown: "Lead.", hasGatedPart: true });
    expect(texts.get(fenced.id)).toMatchObject({
      previewMarkdown: "Lead.\n\n```\n<!-- paywall -->\n\nstill code\n```\n\nThree.",
      hasGatedPart: true,
    });
  });

  it("knows when an article is shorter than its preview", async () => {
    const article = await createArticle({ body: "Only one paragraph.", free: true });
    expect((await readArticlesFor(null, [article])).get(article.id)).toMatchObject({
      level: "full",
      previewMarkdown: "Only one paragraph.",
      hasGatedPart: false,
      gatedMarkdown: null,
    });
  });

  it("shows no more than the surface's most, whatever the decision", async () => {
    const free = await createArticle({ body: BODY, free: true });
    const text = (await readArticlesFor(null, [free], { maxLevel: "preview" })).get(free.id);
    expect(text).toMatchObject({ level: "preview", decision: { level: "full" }, gatedMarkdown: null });
  });

  it("leaves out an article that does not exist", async () => {
    const missing = { id: "00000000-0000-0000-0000-000000000000", free: false };
    expect((await readArticlesFor(null, [missing])).size).toBe(0);
  });
});

describe("readArticlesForAudience", () => {
  it("decides for the audience the caller describes", async () => {
    const article = await createArticle({ body: BODY });
    expect((await readArticlesForAudience(NOBODY, [article])).get(article.id)?.gatedMarkdown).toBeNull();
    expect((await readArticlesForAudience(SUBSCRIBER, [article])).get(article.id)?.gatedMarkdown).toContain(SECRET);
    const capped = await readArticlesForAudience(SUBSCRIBER, [article], { maxLevel: "preview" });
    expect(capped.get(article.id)?.gatedMarkdown).toBeNull();
  });
});

describe("readArticleFor", () => {
  it("gives an anonymous reader the rendered preview and nothing behind the cut", async () => {
    const article = await createArticle({ body: BODY });
    const read = await readArticleFor(null, article.slug);
    expect(read).toMatchObject({
      article: { slug: article.slug },
      access: { decision: { level: "preview", reason: "anonymous" } },
      previewHtml: "<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>",
      hasGatedPart: true,
      gatedMarkdown: null,
    });
    expect(JSON.stringify(read)).not.toContain(SECRET);
  });

  it("gives a reader who unlocked the article the rest", async () => {
    const article = await createArticle({ body: BODY });
    const reader = await createReader();
    await spendUnlock(reader, article.id);
    const read = await readArticleFor(reader, article.slug);
    expect(read?.access.decision).toEqual({ level: "full", reason: "unlocked" });
    expect(read?.gatedMarkdown).toBe(`${SECRET}.\n\nFive.`);
  });

  it("finds nothing at an unknown or unpublished address", async () => {
    const draft = await createArticle({ status: "draft", publishedAt: null });
    expect(await readArticleFor(null, draft.slug)).toBeNull();
    expect(await readArticleFor(null, "no-such-article-anywhere")).toBeNull();
  });
});

describe("the database client", () => {
  it("leaves the body and the gated part out of every query that does not name them", async () => {
    const article = await createArticle({ body: BODY });
    const plain = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(plain).not.toHaveProperty("body");
    expect(plain).not.toHaveProperty("gatedMarkdown");
    expect(plain).toHaveProperty("previewMarkdown", "One.\n\nTwo.\n\nThree.");
    const inTransaction = await db().$transaction((tx) => tx.article.findUniqueOrThrow({ where: { id: article.id } }));
    expect(inTransaction).not.toHaveProperty("body");
    expect(inTransaction).not.toHaveProperty("gatedMarkdown");
    expect(JSON.stringify(article)).not.toContain(SECRET);
  });
});
