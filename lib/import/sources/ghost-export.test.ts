// The Ghost export reader against test/fixtures/import/ghost/ghost-export.json
// (its README lists what each post covers), against small exports written
// here for the odd cases, against files that are no Ghost export, and against
// a generated export of 2,000 posts.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, type ImportedPost, type SourceItem } from "@/lib/import/import-source";
import { PAYWALL_MARKER } from "@/lib/newsroom/articles/paywall-marker";
import { writeGhostExport } from "@/test/fixtures/import/ghost/generate-ghost-export";
import { readGhostExport } from "./ghost-export";

const FIXTURE = path.resolve(import.meta.dirname, "../../../test/fixtures/import/ghost/ghost-export.json");
const MARTA = "6601a0c1f3b2a40001a1b201";
const JONAS = "6601a0c1f3b2a40001a1b202";
const LEA = "6601a0c1f3b2a40001a1b203";
const ECONOMY = "tag:6601a0c1f3b2a40001a1c301";
const EUROPE = "tag:6601a0c1f3b2a40001a1c302";
const ENERGY = "tag:6601a0c1f3b2a40001a1c303";

let directory: string;

async function read(file: string, bodies = true): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readGhostExport(file, { bodies })) items.push(item);
  return items;
}

const posts = (items: SourceItem[]) => items.filter((item): item is ImportedPost => item.kind === "post");
const post = (items: SourceItem[], slug: string) => posts(items).find((item) => item.slug === slug)!;

async function file(name: string, content: string | Buffer): Promise<string> {
  const target = path.join(directory, name);
  await writeFile(target, content);
  return target;
}

/** A small export with these posts (each with an id, a slug, and defaults for the rest). */
function ghostExport(rows: Record<string, unknown>[]): string {
  const users = [{ id: "u1", name: "Ada Ramos", slug: "ada", bio: null }];
  const defaults = {
    type: "post",
    status: "published",
    visibility: "public",
    published_at: "2024-05-01T08:00:00.000Z",
  };
  const allPosts = rows.map((row, index) => ({ id: `p${index + 1}`, slug: `post-${index + 1}`, ...defaults, ...row }));
  return JSON.stringify({ db: [{ meta: { version: "5.96.0" }, data: { posts: allPosts, users } }] });
}

/** How reading `file` fails: the ImportFileError's message, and how many items came before it. */
async function refusal(target: string): Promise<{ message: string; before: number }> {
  const items = readGhostExport(target, { bodies: true })[Symbol.asyncIterator]();
  let before = 0;
  try {
    while (!(await items.next()).done) before += 1;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return { message: (error as Error).message, before };
  }
  throw new Error(`${target} was read without an error`);
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "ghost-export-test-"));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("readGhostExport on the fixture", () => {
  it("yields the authors and topics in use before any post, and no internal or unused tag", async () => {
    const items = await read(FIXTURE);
    const firstPost = items.findIndex((item) => item.kind === "post" || item.kind === "problem");
    const lastName = items.findLastIndex((item) => item.kind === "author" || item.kind === "term");
    expect(lastName).toBeLessThan(firstPost);
    expect(items.filter((item) => item.kind === "author")).toEqual([
      {
        kind: "author",
        key: MARTA,
        name: "Marta Kowalczyk",
        slug: "marta",
        bio: "Economics editor. Before Folio, a decade at the National Bank of Poland.",
      },
      {
        kind: "author",
        key: JONAS,
        name: "Jonas Weber",
        slug: "jonas",
        bio: "Industry and energy correspondent in Berlin.",
      },
      { kind: "author", key: LEA, name: "Léa Dubois", slug: "léa", bio: "" },
    ]);
    expect(items.filter((item) => item.kind === "term")).toEqual([
      { kind: "term", key: ECONOMY, type: "tag", name: "Economy", slug: "economy" },
      { kind: "term", key: EUROPE, type: "tag", name: "Europe", slug: "europe" },
      { kind: "term", key: ENERGY, type: "tag", name: "Énergie", slug: "énergie" },
    ]);
  });

  it("cuts the paid post where its members-only card was, and no other post", async () => {
    const items = await read(FIXTURE);
    const paid = post(items, "the-price-of-cheap-money");
    expect(paid).toMatchObject({
      key: "6601a0c1f3b2a40001a1d401",
      where: 'post 1 ("the-price-of-cheap-money")',
      title: "The price of cheap money",
      dek: "Ten years of free money built firms that cannot survive at four percent.",
      free: false,
      status: "published",
      publishedAt: new Date("2025-02-14T07:30:00.000Z"),
      oldPaths: ["/the-price-of-cheap-money/"],
      imageUrls: ["/content/images/2025/02/ecb-tower.jpg"],
    });
    const [before, after, ...more] = paid.markdown.split(`\n\n${PAYWALL_MARKER}\n\n`);
    expect(more).toEqual([]);
    expect(before!.split("\n\n")).toHaveLength(5);
    expect(before).toContain("## Who pays when rates rise");
    expect(after!.split("\n\n").filter((block) => /^[A-Z]/.test(block))).toHaveLength(4);
    expect(after).toContain("> We are not worried");
    // The site's own links lose Ghost's __GHOST_URL__ and become paths, which redirect once imported.
    expect(before).toContain("[how to read the budget tables](/reading-the-budget-tables/)");
    const cut = posts(items).filter((item) => item.markdown.includes(PAYWALL_MARKER));
    expect(cut.map((item) => item.slug)).toEqual(["the-price-of-cheap-money"]);
  });

  it("keeps authors in byline order and tags in Ghost's order, leaving out the internal tag", async () => {
    const items = await read(FIXTURE);
    expect(post(items, "the-price-of-cheap-money").authorKeys).toEqual([MARTA, JONAS]);
    expect(post(items, "the-price-of-cheap-money").termKeys).toEqual([ECONOMY, EUROPE]);
    expect(post(items, "the-autumn-forecast").authorKeys).toEqual([MARTA, LEA]);
    expect(post(items, "экономика-после-кризиса").termKeys).toEqual([EUROPE, ECONOMY]);
    expect(posts(items).filter((item) => item.authorKeys.includes(MARTA))).toHaveLength(3);
    expect(posts(items).filter((item) => item.termKeys.includes(ECONOMY))).toHaveLength(4);
  });

  it("keeps a table as GFM and a code block fenced, in a free post", async () => {
    const free = post(await read(FIXTURE), "reading-the-budget-tables");
    expect(free.free).toBe(true);
    expect(free.markdown).toContain(
      "| Country | Deficit 2025 | Debt 2025 | Interest 2025 |\n| --- | --- | --- | --- |\n| France | 5.4 | 113.1 | 2.1 |",
    );
    expect(free.markdown).toContain('```python\nimport pandas as pd\n\nbudgets = pd.read_csv("gov_10dd_edpt1.csv")');
  });

  it("keeps an image with its caption and drops a script with its contents", async () => {
    const krise = post(await read(FIXTURE), "über-die-krise");
    expect(krise.title).toBe("Über die Krise: Was Europas Industrie jetzt braucht");
    expect(krise.oldPaths).toEqual(["/über-die-krise/"]);
    expect(krise.free).toBe(false);
    expect(krise.markdown).toContain(
      '![Ein Hochofen in Duisburg](/content/images/2025/03/stahlwerk-duisburg.jpg "Die Stahlproduktion fiel 2024 um zwölf Prozent.")',
    );
    expect(krise.imageUrls).toEqual(["/content/images/2025/03/stahlwerk-duisburg.jpg"]);
    expect(krise.markdown).toContain("Industrieproduktion, Index 2015 = 100");
    for (const gone of ["script", "chartData", "document.write", "tracker.example.com"]) {
      expect(krise.markdown).not.toContain(gone);
    }
  });

  it("maps drafts, scheduled posts and non-ASCII titles, and reports the page", async () => {
    const items = await read(FIXTURE);
    expect(post(items, "notes-sur-la-transition-energetique")).toMatchObject({
      title: "Notes sur la transition énergétique",
      status: "draft",
      publishedAt: null,
    });
    expect(post(items, "the-autumn-forecast")).toMatchObject({ status: "scheduled", free: false });
    expect(post(items, "экономика-после-кризиса")).toMatchObject({
      title: "Экономика после кризиса",
      where: 'post 5 ("экономика-после-кризиса")',
      free: true,
      imageUrls: ["https://images.example.org/moscow-exchange.jpg"],
    });
    expect(items.filter((item) => item.kind === "problem")).toEqual([
      { kind: "problem", where: 'post 6 ("about")', reason: "a page, not a post: skipped" },
    ]);
    expect(posts(items).map((item) => item.slug)).toHaveLength(6);
  });

  it("yields the same items without bodies in the checking pass", async () => {
    const full = await read(FIXTURE, true);
    const checked = await read(FIXTURE, false);
    expect(checked.map((item) => (item.kind === "post" ? item.key : item))).toEqual(
      full.map((item) => (item.kind === "post" ? item.key : item)),
    );
    for (const item of posts(checked)) expect(item).toEqual({ ...post(full, item.slug), markdown: "", imageUrls: [] });
  });
});

describe("readGhostExport on odd posts", () => {
  it("reports a post with only a lexical source, one with no title, one over 5 MB, and goes on", async () => {
    const target = await file(
      "odd.json",
      ghostExport([
        { title: "Only lexical", html: null, lexical: '{"root":{"children":[]}}' },
        { title: "", html: "<p>Untitled.</p>" },
        { title: "Huge", html: `<p>${"x".repeat(5 * 1024 * 1024 + 10)}</p>` },
        { title: "Fine", html: "<p>Fine.</p>", status: "sent" },
        { title: "Odd status", html: "<p>Odd.</p>", status: "archived" },
      ]),
    );
    for (const bodies of [true, false]) {
      const items = await read(target, bodies);
      expect(items.filter((item) => item.kind === "problem")).toEqual([
        {
          kind: "problem",
          where: 'post 1 ("post-1")',
          reason: expect.stringMatching(/lexical source but no HTML/),
        },
        { kind: "problem", where: 'post 2 ("post-2")', reason: "it has no title" },
        { kind: "problem", where: 'post 3 ("post-3")', reason: expect.stringMatching(/over 5 MB/) },
        { kind: "problem", where: 'post 5 ("post-5")', reason: expect.stringMatching(/status "archived"/) },
      ]);
      expect(posts(items)).toMatchObject([{ title: "Fine", status: "published" }]);
    }
  });

  it("reads an export from before Ghost 1.22: numeric ids, author_id, page flags, dates in milliseconds", async () => {
    const target = await file(
      "old.json",
      JSON.stringify({
        db: [
          {
            meta: { version: "003" },
            data: {
              posts: [
                {
                  id: 1,
                  title: "Hello",
                  slug: "hello",
                  html: "<p>Hi.</p>",
                  status: "published",
                  page: 0,
                  author_id: 1,
                  published_at: 1426078349156,
                },
                {
                  id: 2,
                  title: "About",
                  slug: "about",
                  html: "<p>Us.</p>",
                  status: "published",
                  page: 1,
                  author_id: 1,
                  published_at: null,
                },
                {
                  id: 3,
                  title: "Later",
                  slug: "later",
                  html: "<p>Soon.</p>",
                  status: "draft",
                  page: 0,
                  author_id: 1,
                  published_at: "2016-01-02 10:00:00",
                },
              ],
              users: [{ id: 1, name: "Old Timer", slug: "old-timer", bio: null }],
              tags: [{ id: 7, name: "News", slug: "news" }],
              posts_tags: [{ id: 1, post_id: 1, tag_id: 7 }],
            },
          },
        ],
      }),
    );
    const items = await read(target);
    expect(items.filter((item) => item.kind !== "post")).toEqual([
      { kind: "author", key: "1", name: "Old Timer", slug: "old-timer", bio: "" },
      { kind: "term", key: "tag:7", type: "tag", name: "News", slug: "news" },
      { kind: "problem", where: 'post 2 ("about")', reason: "a page, not a post: skipped" },
    ]);
    expect(posts(items)).toMatchObject([
      { key: "1", authorKeys: ["1"], termKeys: ["tag:7"], publishedAt: new Date(1426078349156), free: true },
      { key: "3", authorKeys: ["1"], termKeys: [], publishedAt: new Date("2016-01-02T10:00:00Z"), status: "draft" },
    ]);
  });
});

describe("readGhostExport refuses a file that is no Ghost export, before yielding anything", () => {
  it("refuses a truncated export", async () => {
    const whole = await readFile(FIXTURE, "utf8");
    for (const share of [0.1, 0.5, 0.97]) {
      const target = await file(`truncated-${share}.json`, whole.slice(0, Math.floor(whole.length * share)));
      expect(await refusal(target)).toEqual({
        message: "The file ends before the Ghost export does: it looks truncated.",
        before: 0,
      });
    }
  });

  it("refuses JSON that is not a Ghost export", async () => {
    const cases: [string, RegExp][] = [
      ['{"posts":[{"title":"Hello"}]}', /^This is not a Ghost export: it has no list of posts/],
      ['{"db":[{"data":{"posts":{}}}]}', /^This is not a Ghost export: it has no list of posts/],
      ['[{"db":[]}]', /^This is not a Ghost export: it is JSON, but not an object/],
      ['{"db":[{"data":{"posts":[{"title":"x",]}}]}', /damaged/],
    ];
    for (const [index, [content, message]] of cases.entries()) {
      const { message: said, before } = await refusal(await file(`other-${index}.json`, content));
      expect(said).toMatch(message);
      expect(before).toBe(0);
    }
  });

  it("refuses a WordPress export, a zip, an empty file and a missing one in a sentence", async () => {
    const wordpress = '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"><channel></channel></rss>\n';
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    expect((await refusal(await file("export.xml", wordpress))).message).toBe(
      "This is not a Ghost export: it is XML (a WordPress export?).",
    );
    expect((await refusal(await file("export.zip", zip))).message).toBe(
      "This is not a Ghost export: it is a zip (a Substack export?).",
    );
    expect((await refusal(await file("empty.json", ""))).message).toBe("The file is empty.");
    expect((await refusal(path.join(directory, "missing.json"))).message).toBe("The file cannot be read (ENOENT).");
  });

  it("refuses nesting deeper than any Ghost export without a parser message", async () => {
    const deep = `{"db":[{"data":{"posts":[${"[".repeat(100)}${"]".repeat(100)}]}}]}`;
    const { message } = await refusal(await file("deep.json", deep));
    expect(message).toMatch(/^This is not a Ghost export: its JSON nests deeper/);
    expect(message).not.toMatch(/parser|maxDepth/i);
  });
});

describe("readGhostExport on a generated export", () => {
  it("streams 2,000 posts, each once, with the cut in every paid post", async () => {
    const target = path.join(directory, "generated.json");
    await writeGhostExport(target, 2_000);
    const items = await read(target);
    expect(items.filter((item) => item.kind === "author")).toHaveLength(3);
    expect(items.filter((item) => item.kind === "term")).toHaveLength(12);
    expect(items.filter((item) => item.kind === "problem")).toEqual([]);
    const all = posts(items);
    expect(all).toHaveLength(2_000);
    expect(new Set(all.map((item) => item.key)).size).toBe(2_000);
    expect(all.map((item) => item.where)).toEqual(all.map((_, index) => `post ${index + 1} ("report-${index + 1}")`));
    for (const item of all) {
      expect(item.markdown.includes(PAYWALL_MARKER)).toBe(!item.free);
      expect(item.authorKeys.length).toBeGreaterThan(0);
      expect(item.termKeys.length).toBeGreaterThan(1);
    }
    expect(all.filter((item) => !item.free)).toHaveLength(667);
    expect(all.filter((item) => item.status === "draft")).toHaveLength(50);
  });
});
