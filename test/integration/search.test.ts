// Full-text search against real PostgreSQL: ranking, the query syntax,
// filters, pagination, and the search vector following every edit. Each test
// searches for made-up words of its own, so it finds only its own articles.
import { describe, expect, it } from "vitest";
import { bodyData } from "@/lib/articles/stored-cut";
import { db } from "@/lib/db/prisma";
import { HEADLINE_CANDIDATES, RECENT_CANDIDATES } from "@/lib/search/rank-matches";
import { SEARCH_PAGE_SIZE } from "@/lib/search/search-request";
import { createArticle, createAuthor, createTag, uniqueSuffix } from "../fixtures/articles";
import { results, search, slugsOf, uniqueWord } from "../fixtures/search";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);
const FILLER = "Officials said little in public.\n\nThe market moved on.\n\nNothing else happened.";

describe("ranking", () => {
  it("puts a headline match above a body match, and a dek match between them", async () => {
    const word = uniqueWord();
    const publishedAt = daysAgo(1);
    const inBody = await createArticle({
      body: `${word} here, ${word} there, ${word} everywhere.\n\n${FILLER}`,
      publishedAt,
    });
    const inHeadline = await createArticle({ title: `The ${word} question`, body: FILLER, publishedAt });
    const inDek = await createArticle({ dek: `Why ${word} matters.`, body: FILLER, publishedAt });
    expect(slugsOf(await results({ q: word }))).toEqual([inHeadline.slug, inDek.slug, inBody.slug]);
  });

  it("blends in recency: newer first among equals, but an old headline match beats a new body match", async () => {
    const word = uniqueWord();
    const oldBody = await createArticle({ body: `About ${word}.\n\n${FILLER}`, publishedAt: daysAgo(700) });
    const newBody = await createArticle({ body: `About ${word}.\n\n${FILLER}`, publishedAt: daysAgo(2) });
    const oldHeadline = await createArticle({ title: `${word} revisited`, body: FILLER, publishedAt: daysAgo(700) });
    const found = await results({ q: word });
    expect(slugsOf(found)).toEqual([oldHeadline.slug, newBody.slug, oldBody.slug]);
    expect(found.hits.map((hit) => hit.score)).toEqual([...found.hits.map((hit) => hit.score)].sort((a, b) => b! - a!));
  });

  it("sorts by date when asked", async () => {
    const word = uniqueWord();
    const older = await createArticle({ title: `${word} first`, publishedAt: daysAgo(30) });
    const newer = await createArticle({ body: `A mention of ${word}.`, publishedAt: daysAgo(3) });
    expect(slugsOf(await results({ q: word, sort: "date" }))).toEqual([newer.slug, older.slug]);
    expect((await results({ q: word, sort: "date" })).hits.every((hit) => hit.score === null)).toBe(true);
  });

  it("finds the best headline matches in the whole library when there are more matches than it ranks", async () => {
    const word = uniqueWord();
    const suffix = uniqueSuffix();
    const bodyMatches = RECENT_CANDIDATES + 40;
    await db().article.createMany({
      data: Array.from({ length: bodyMatches }, (_, index) => ({
        slug: `search-window-${suffix}-${index}`,
        title: `Window article ${index}`,
        ...bodyData(`A passing mention of ${word}.\n\n${FILLER}`),
        status: "published" as const,
        publishedAt: new Date(Date.now() - (index + 1) * 60_000),
      })),
    });
    // Older than every body match, so outside the newest candidates.
    const headlines = await Promise.all(
      [1, 2, 3].map((index) =>
        createArticle({ title: `${word} report ${index}`, body: FILLER, publishedAt: daysAgo(400 + index) }),
      ),
    );
    const first = await results({ q: word });
    expect(first.total).toBe(bodyMatches + 3);
    expect(slugsOf(first).slice(0, 3)).toEqual(headlines.map((article) => article.slug));

    // Every match is on exactly one page: ranked candidates, then the rest newest first.
    const seen: string[] = [];
    for (let page = 1; page <= first.pageCount; page++)
      seen.push(...slugsOf(await results({ q: word, page: String(page) })));
    expect(seen).toHaveLength(bodyMatches + 3);
    expect(new Set(seen).size).toBe(bodyMatches + 3);
    expect(HEADLINE_CANDIDATES).toBeGreaterThanOrEqual(3);
  });
});

describe("query syntax", () => {
  it("matches a quoted phrase only with its words together and in order", async () => {
    const [a, b] = [uniqueWord(), uniqueWord()];
    const together = await createArticle({ body: `They spoke of ${a} ${b} at length.` });
    const apart = await createArticle({ body: `${b} came first, and much later ${a}.` });
    expect(slugsOf(await results({ q: `"${a} ${b}"` }))).toEqual([together.slug]);
    expect(new Set(slugsOf(await results({ q: `${a} ${b}` })))).toEqual(new Set([together.slug, apart.slug]));
  });

  it("leaves out articles with an excluded word, and OR finds either word", async () => {
    const [a, b, c] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const withBoth = await createArticle({ body: `${a} and ${b}.` });
    const withA = await createArticle({ body: `Only ${a}.` });
    const withC = await createArticle({ body: `Only ${c}.` });
    expect(slugsOf(await results({ q: `${a} -${b}` }))).toEqual([withA.slug]);
    expect(new Set(slugsOf(await results({ q: `${b} OR ${c}` })))).toEqual(new Set([withBoth.slug, withC.slug]));
  });

  it("matches other forms of an English word", async () => {
    const word = uniqueWord();
    const article = await createArticle({ body: `The ${word} negotiations resumed.` });
    expect(slugsOf(await results({ q: `${word} negotiating` }))).toEqual([article.slug]);
  });

  it("answers an empty query, stop words, only exclusions, a huge query and a storm of operators clearly", async () => {
    expect((await search({ q: "   " })).kind).toBe("empty");
    expect(await search({ q: "the and of" })).toMatchObject({ kind: "refused", error: "no_search_terms" });
    expect(await search({ q: `-${uniqueWord()}` })).toMatchObject({ kind: "refused", error: "only_excluded_words" });
    expect(await search({ q: "x".repeat(1000) })).toMatchObject({
      kind: "refused",
      error: "query_too_long",
      field: "q",
    });
    for (const q of [
      '"""',
      "OR OR OR",
      "-",
      "!!! && || ( ) : * ' \\",
      `"${uniqueWord()}" OR -"${uniqueWord()}" ((`,
      "a\u0000b",
    ]) {
      expect(["results", "refused"]).toContain((await search({ q })).kind);
    }
    expect((await results({ q: `${"word ".repeat(40)}${uniqueWord()}`.slice(0, 256) })).total).toBe(0);
  });
});

describe("filters", () => {
  it("narrows by topic, region, kind, author and date range", async () => {
    const word = uniqueWord();
    const [topic, region, author] = await Promise.all([createTag("topic"), createTag("region"), createAuthor()]);
    const tagged = await createArticle({
      body: `On ${word}.`,
      kind: "in_depth",
      tagIds: [topic.id, region.id],
      authorIds: [author.id],
      publishedAt: new Date("2026-03-10T12:00:00Z"),
    });
    const plain = await createArticle({ body: `On ${word}.`, publishedAt: new Date("2026-06-01T12:00:00Z") });
    const found = async (params: Record<string, string>) => new Set(slugsOf(await results({ q: word, ...params })));
    expect(await found({})).toEqual(new Set([tagged.slug, plain.slug]));
    expect(await found({ topic: topic.slug })).toEqual(new Set([tagged.slug]));
    expect(await found({ region: region.slug })).toEqual(new Set([tagged.slug]));
    expect(await found({ author: author.slug })).toEqual(new Set([tagged.slug]));
    expect(await found({ kind: "in_depth" })).toEqual(new Set([tagged.slug]));
    expect(await found({ kind: "daily" })).toEqual(new Set([plain.slug]));
    expect(await found({ from: "2026-03-10", to: "2026-03-10" })).toEqual(new Set([tagged.slug]));
    expect(await found({ from: "2026-03-11" })).toEqual(new Set([plain.slug]));
    expect(await found({ to: "2026-05-31" })).toEqual(new Set([tagged.slug]));
    expect(await found({ region: region.slug, kind: "daily" })).toEqual(new Set());
  });

  it("refuses an unknown or malformed filter by name", async () => {
    expect(await search({ q: "energy", topic: "no-such-topic" })).toMatchObject({ kind: "refused", field: "topic" });
    expect(await search({ q: "energy", region: "../etc" })).toMatchObject({ kind: "refused", field: "region" });
    expect(await search({ q: "energy", from: "2026-02-30" })).toMatchObject({ kind: "refused", field: "from" });
    expect(await search({ q: "energy", from: "2026-05-02", to: "2026-05-01" })).toMatchObject({
      kind: "refused",
      field: "from",
    });
    expect(await search({ q: "energy", sort: "popularity" })).toMatchObject({ kind: "refused", field: "sort" });
  });

  it("never finds drafts or articles scheduled for later", async () => {
    const word = uniqueWord();
    await createArticle({ body: `Draft ${word}.`, status: "draft", publishedAt: null });
    await createArticle({ body: `Scheduled ${word}.`, status: "scheduled", publishedAt: new Date(Date.now() + DAY) });
    await createArticle({ body: `Future ${word}.`, publishedAt: new Date(Date.now() + DAY) });
    expect((await results({ q: word })).total).toBe(0);
  });
});

describe("pagination", () => {
  it("counts every match and splits them into pages, with an empty page past the end", async () => {
    const word = uniqueWord();
    const count = SEARCH_PAGE_SIZE + 3;
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        createArticle({ body: `Item ${word}.`, publishedAt: daysAgo(index + 1) }),
      ),
    );
    const first = await results({ q: word });
    expect(first).toMatchObject({ total: count, pageCount: 2 });
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    const second = await results({ q: word, page: "2" });
    expect(second.hits).toHaveLength(3);
    expect(new Set([...slugsOf(first), ...slugsOf(second)]).size).toBe(count);
    const past = await results({ q: word, page: "3" });
    expect(past).toMatchObject({ total: count, pageCount: 2, hits: [] });
    expect(await search({ q: word, page: "0" })).toMatchObject({ kind: "refused", field: "page" });
    expect(await search({ q: word, page: "1001" })).toMatchObject({ kind: "refused", field: "page" });
  });

  it("has one page, and no second, when nothing matches", async () => {
    expect(await results({ q: uniqueWord() })).toMatchObject({ total: 0, pageCount: 1, hits: [] });
  });
});

describe("the search vector", () => {
  it("follows every edit of the headline, dek and body", async () => {
    const [before, after, dekWord, bodyWord] = [uniqueWord(), uniqueWord(), uniqueWord(), uniqueWord()];
    const article = await createArticle({ title: `The ${before} affair` });
    expect(slugsOf(await results({ q: before }))).toEqual([article.slug]);

    await db().article.update({ where: { id: article.id }, data: { title: `The ${after} affair` } });
    expect((await results({ q: before })).total).toBe(0);
    expect(slugsOf(await results({ q: after }))).toEqual([article.slug]);

    await db().article.update({
      where: { id: article.id },
      data: { dek: `On ${dekWord}.`, ...bodyData(`Now about ${bodyWord}.`) },
    });
    expect(slugsOf(await results({ q: dekWord }))).toEqual([article.slug]);
    expect(slugsOf(await results({ q: bodyWord }))).toEqual([article.slug]);

    await db().article.update({ where: { id: article.id }, data: { status: "draft" } });
    expect((await results({ q: after })).total).toBe(0);
  });
});
