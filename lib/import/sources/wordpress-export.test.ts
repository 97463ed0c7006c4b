import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportFileError, type ImportedPost, type SourceItem } from "@/lib/import/import-source";
import { PAYWALL_MARKER } from "@/lib/newsroom/articles/paywall-marker";
import { readWordPressExport } from "./wordpress-export";

const FIXTURE = path.resolve(import.meta.dirname, "../../../test/fixtures/import/wordpress/wordpress-export.xml");
const CUT = `\n\n${PAYWALL_MARKER}\n\n`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "folio-wxr-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(file: string, bodies = true): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readWordPressExport(file, { bodies })) items.push(item);
  return items;
}

async function written(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

function post(items: SourceItem[], key: string): ImportedPost {
  const found = items.find((item) => item.kind === "post" && item.key === key);
  if (!found || found.kind !== "post") throw new Error(`no post ${key}`);
  return found;
}

/** A minimal export around `items`. */
function wxr(items: string): string {
  return `<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>\n${items}\n</channel></rss>\n`;
}

function item(id: number, content: string): string {
  return `<item><title>Post ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_name>post-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${content}]]></content:encoded></item>\n`;
}

describe("readWordPressExport on the fixture", () => {
  let items: SourceItem[];
  beforeAll(async () => {
    items = await readAll(FIXTURE);
  });

  it("yields every author and term before the first post that names it", () => {
    const seen = new Set<string>();
    for (const item of items) {
      if (item.kind === "author") seen.add(`author:${item.key}`);
      if (item.kind === "term") seen.add(item.key);
      if (item.kind !== "post") continue;
      for (const key of item.authorKeys) expect(seen).toContain(`author:${key}`);
      for (const key of item.termKeys) expect(seen).toContain(key);
    }
    const authors = items.filter((item) => item.kind === "author");
    expect(authors.map((author) => [author.key, author.name])).toEqual([
      ["anna", "Anna Müller"],
      ["boris", "Борис Петров"],
    ]);
  });

  it("reads categories and tags, shared across posts, with their names decoded", () => {
    const terms = items.filter((item) => item.kind === "term");
    expect(terms).toContainEqual({
      kind: "term",
      key: "tag:rates",
      type: "tag",
      name: "Interest rates & yields",
      slug: "rates",
    });
    expect(terms).toContainEqual({
      kind: "term",
      key: "category:%d1%8d%d0%ba%d0%be%d0%bd%d0%be%d0%bc%d0%b8%d0%ba%d0%b0",
      type: "category",
      name: "Экономика",
      slug: "экономика",
    });
    // Named by a post but not in the channel's list: yielded from the post.
    expect(terms).toContainEqual({
      kind: "term",
      key: "tag:inflation",
      type: "tag",
      name: "Inflation",
      slug: "inflation",
    });
    expect(post(items, "101").termKeys).toEqual(["category:economy", "tag:europe", "tag:rates"]);
    expect(post(items, "102").termKeys).toEqual(["category:economy", "tag:europe", "tag:inflation"]);
    // A post format is no topic.
    expect(post(items, "103").termKeys).toEqual([
      "category:%d1%8d%d0%ba%d0%be%d0%bd%d0%be%d0%bc%d0%b8%d0%ba%d0%b0",
      "tag:europe",
    ]);
  });

  it("cuts the classic-editor post exactly at its more tag, its paragraphs made", () => {
    const carry = post(items, "101");
    const [before, after, ...rest] = carry.markdown.split(CUT);
    expect(rest).toEqual([]);
    expect(before!.split("\n\n")).toEqual([
      "For a decade, borrowing in euros to buy higher-yielding assets was the easiest trade in finance.",
      "That era is ending, and **not quietly**: funding costs have tripled in a year.",
      "Three forces are at work.  \nEach of them would be enough on its own.",
      "The first is the central bank, which has stopped buying bonds.",
      "The second is the banks, which lend less to one another than at any time since 2012.",
    ]);
    expect(after!.split("\n\n")).toEqual([
      "The third force is the one few saw coming: the [savers](https://ledger.example.com/2019/11/05/savers/) themselves.",
      "Households that kept cash at zero now demand a return, and deposits move to money-market funds.",
      '![Deposits by month](https://ledger.example.com/wp-content/uploads/2020/01/deposits.png "Deposits fell for the ninth month in a row.")',
      "What follows for the carry trade is a slow squeeze rather than a crash.",
      "Our view: expect two more years of tightening spreads before any relief.",
    ]);
    expect(carry).toMatchObject({
      title: "The slow unwinding of the euro carry trade",
      dek: "Borrowing in euros is no longer free money.",
      slug: "euro-carry-trade",
      free: false,
      status: "published",
      publishedAt: new Date("2020-01-02T08:30:00Z"),
      authorKeys: ["anna"],
      oldPaths: ["/2020/01/02/euro-carry-trade/"],
      imageUrls: ["https://ledger.example.com/wp-content/uploads/2020/01/deposits.png"],
      where: "item 1 (line 50)",
    });
    // The comment's script is no part of the post.
    expect(carry.markdown).not.toContain("comment");
  });

  it("keeps a post without a more tag whole, its table as GFM, its non-ASCII slug decoded", () => {
    const krise = post(items, "102");
    expect(krise.markdown).not.toContain(PAYWALL_MARKER);
    expect(krise.markdown).toContain(
      "| Land | Wachstum | Inflation |\n| --- | --- | --- |\n| Deutschland | 0,1 % | 2,4 % |\n| Österreich | 0,3 % | 2,9 % |",
    );
    expect(krise).toMatchObject({ title: "Über die Krise: was die Zahlen sagen", slug: "über-die-krise", free: false });
    // The link is the dated path already: one old path.
    expect(krise.oldPaths).toEqual(["/2020/02/03/%c3%bcber-die-krise/"]);
  });

  it("reads a block-editor post: cut at a more tag with its own text, figure, code, no script", () => {
    const markets = post(items, "103");
    const [before, after] = markets.markdown.split(CUT);
    expect(before).toBe(
      'Рынки реагируют на кризис по-разному.\n\n![Индекс за месяц](https://ledger.example.com/wp-content/uploads/2020/03/markets.jpg "Индекс упал на 12 % за месяц.")',
    );
    expect(after).toContain(
      "```\ndef risk(prices):\n    returns = [b / a - 1 for a, b in zip(prices, prices[1:])]\n\n    return max(returns) - min(returns)\n```",
    );
    expect(after).toContain("Подпишитесь на рассылку.");
    expect(markets.markdown).not.toMatch(/script|tracking pixel|document\.write/);
    expect(markets).toMatchObject({ title: "Кризис и рынки", slug: "кризис-и-рынки", authorKeys: ["boris"] });
    // Its link is "/?p=103": only the dated path, from the site's local date (the 10th, not GMT's 9th).
    expect(markets.oldPaths).toEqual([
      "/2020/03/10/%d0%ba%d1%80%d0%b8%d0%b7%d0%b8%d1%81-%d0%b8-%d1%80%d1%8b%d0%bd%d0%ba%d0%b8/",
    ]);
  });

  it("maps statuses: a draft has no date and no old address, a future post is scheduled", () => {
    expect(post(items, "104")).toMatchObject({
      status: "draft",
      publishedAt: null,
      slug: "",
      oldPaths: [],
      markdown: "Half-written.\n\nStill half-written.",
    });
    expect(post(items, "105")).toMatchObject({
      status: "scheduled",
      publishedAt: new Date("2030-05-01T05:00:00Z"),
      oldPaths: [],
    });
  });

  it("reports pages, private and password-protected posts; skips trash, attachments and menus silently", () => {
    expect(items.filter((item) => item.kind === "problem")).toEqual([
      { kind: "problem", where: "item 6 (line 226)", reason: "a page, not a post: skipped" },
      { kind: "problem", where: "item 8 (line 252)", reason: "a private post: skipped" },
      { kind: "problem", where: "item 9 (line 265)", reason: "a password-protected post: skipped" },
    ]);
    expect(items.filter((item) => item.kind === "post").map((item) => item.key)).toEqual([
      "101",
      "102",
      "103",
      "104",
      "105",
    ]);
  });

  it("yields the same items without bodies in the structural pass", async () => {
    const structural = await readAll(FIXTURE, false);
    const withoutBodies = items.map((item) => (item.kind === "post" ? { ...item, markdown: "", imageUrls: [] } : item));
    expect(structural).toEqual(withoutBodies);
  });
});

describe("readWordPressExport refuses what is not a WordPress export", () => {
  it.each([
    ["a JSON file", '{"db":[{"data":{"posts":[]}}]}', /not XML/],
    ["a zip", "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000", /not XML/],
    ["an HTML page", "<!DOCTYPE html><html><body><p>Hello</p></body></html>", /first element is <html>/],
    ["an RSS feed", '<?xml version="1.0"?><rss><channel><item><title>A</title></item></channel></rss>', /RSS feed/],
    ["an empty file", "", /no <rss>/],
    ["an rss without a channel", "<rss></rss>", /no <channel>/],
    ["an item left open inside the channel", wxr("<item><title>A</title></channel>"), /not well-formed/],
  ])("%s", async (_label, text, message) => {
    const file = await written("not-wxr.xml", text);
    await expect(readAll(file)).rejects.toThrow(message);
    await expect(readAll(file)).rejects.toBeInstanceOf(ImportFileError);
  });

  it("refuses a truncated export, also cut inside a post's CDATA", async () => {
    const text = await readFile(FIXTURE, "utf8");
    for (const end of [text.indexOf("</channel>"), text.indexOf("The third force")]) {
      const file = await written("truncated.xml", text.slice(0, end));
      await expect(readAll(file, false)).rejects.toThrow(/cut short/);
    }
  });

  it("refuses a billion-laughs bomb at once, without expanding anything", async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level++) {
      entities.push(`<!ENTITY lol${level} "${`&lol${level === 1 ? "" : level - 1};`.repeat(10)}">`);
    }
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n ${entities.join("\n ")}\n]>\n<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&lol9;</title></item></channel></rss>\n`;
    const file = await written("bomb.xml", bomb);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    await expect(readAll(file)).rejects.toThrow(/defines XML entities/);
    expect(performance.now() - started).toBeLessThan(1_000);
    // Expanded, &lol9; would be three gigabytes.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses an external entity (XXE) the same way", async () => {
    const file = await written(
      "xxe.xml",
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>',
    );
    await expect(readAll(file)).rejects.toThrow(/defines XML entities/);
  });

  it("refuses a comment of megabytes outside the posts", async () => {
    const file = await written("comment.xml", wxr(`<!-- ${"x".repeat(2 * 1024 * 1024)} -->`));
    await expect(readAll(file)).rejects.toThrow(/over 1 MB/);
  });
});

describe("readWordPressExport and an oversized post", () => {
  it("reports a post over 5 MB and reads on after it, without holding it", async () => {
    const file = path.join(dir, "oversized.xml");
    const out = createWriteStream(file);
    let lines = 1;
    const write = (text: string) => {
      lines += text.split("\n").length - 1;
      out.write(text);
    };
    write(`${wxr("").split("\n</channel>")[0]!}${item(1, "<p>Before.</p>")}`);
    const hugeLine = lines;
    // 40 MB in one CDATA section: one token the parser would hold whole.
    write(`<item><title>Huge</title><wp:post_id>2</wp:post_id><content:encoded><![CDATA[`);
    const block = `<p>${"0123456789".repeat(100)}</p>\n`.repeat(100);
    for (let size = 0; size < 40 * 1024 * 1024; size += block.length) write(block);
    write(`]]></content:encoded><wp:post_type>post</wp:post_type></item>\n`);
    const afterLine = lines;
    write(`${item(3, "<p>After.</p>")}</channel></rss>\n`);
    out.end();
    await finished(out);

    const items = await readAll(file);
    expect(items).toEqual([
      expect.objectContaining({ kind: "post", key: "1", markdown: "Before." }),
      { kind: "problem", where: `item 2 (line ${hugeLine})`, reason: expect.stringMatching(/over 5 MB/) },
      expect.objectContaining({ kind: "post", key: "3", markdown: "After.", where: `item 3 (line ${afterLine})` }),
    ]);
  });
});
