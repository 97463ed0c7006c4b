import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { ImportFileError, type ImportedPost, type SourceItem } from "@/lib/import/import-source";
import { PAYWALL_MARKER } from "@/lib/newsroom/articles/paywall-marker";
import { zipSubstackExport } from "@/test/fixtures/import/substack-zip";
import { createSubstackReader, listSubstackImages, readSubstackExport } from "./substack-export";
import { ZipArchive, type ZipLimits } from "./zip-archive";

const MB = 1024 * 1024;
const CUT = `\n\n${PAYWALL_MARKER}\n\n`;
const HEADER = "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "folio-substack-test-"));
});
/** The fixture's zips, each in a folder of its own. */
const zipped: string[] = [];
afterAll(async () => {
  for (const folder of [dir, ...zipped.map((zip) => path.dirname(zip))])
    await rm(folder, { recursive: true, force: true });
});

async function fixtureZip(folder = ""): Promise<string> {
  const zip = await zipSubstackExport(undefined, folder);
  zipped.push(zip);
  return zip;
}

async function readAll(file: string, bodies = true, read = readSubstackExport): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of read(file, { bodies })) items.push(item);
  return items;
}

function post(items: SourceItem[], key: string): ImportedPost {
  const found = items.find((item) => item.kind === "post" && item.key === key);
  if (!found || found.kind !== "post") throw new Error(`no post ${key}`);
  return found;
}

type Entry = { name: string; data: Buffer | string | (() => Readable) };

/** A zip of `entries` as bytes; a function is a stream, zipped as it comes (a bomb is small once zipped). */
async function zipBytes(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const { name, data } of entries) {
    if (typeof data === "function") zip.addReadStream(data(), name);
    else zip.addBuffer(Buffer.from(data), name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let files = 0;
async function saved(bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, `file-${++files}.zip`);
  await writeFile(file, bytes);
  return file;
}

/** Every occurrence of `from` (a name in the local header and the central directory) made `to`, of the same length. */
function renamed(bytes: Buffer, from: string, to: string): Buffer {
  const [find, replace] = [Buffer.from(from), Buffer.from(to)];
  expect(replace.length).toBe(find.length);
  const copy = Buffer.from(bytes);
  for (let at = copy.indexOf(find); at !== -1; at = copy.indexOf(find, at + 1)) replace.copy(copy, at);
  return copy;
}

/** The size the central directory declares for `name` made `size`: what yauzl (and any unzip) believes. */
function declaredSize(bytes: Buffer, name: string, size: number): Buffer {
  const copy = Buffer.from(bytes);
  const central = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = copy.indexOf(central); at !== -1; at = copy.indexOf(central, at + 1)) {
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      copy.writeUInt32LE(size, at + 24);
      return copy;
    }
  }
  throw new Error(`no ${name} in the central directory`);
}

function zeros(bytes: number): () => Readable {
  const block = Buffer.alloc(MB);
  return () =>
    Readable.from(
      (function* () {
        for (let sent = 0; sent < bytes; sent += block.length) yield block;
      })(),
    );
}

/** The JavaScript heap and the buffers outside it, where inflated bytes would be. */
function memoryInUse(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe("readSubstackExport on the fixture", () => {
  let zip: string;
  let items: SourceItem[];
  beforeAll(async () => {
    zip = await fixtureZip();
    items = await readAll(zip);
  });

  it("cuts the paid post exactly at Substack's paywall marker", () => {
    const paid = post(items, "100001");
    const [before, after, ...rest] = paid.markdown.split(CUT);
    expect(rest).toEqual([]);
    expect(before!.split("\n\n")).toEqual([
      "For a decade, borrowing in euros to buy higher-yielding assets was the easiest trade in finance.",
      "That era is ending, and **not quietly**: funding costs have tripled in a year.",
      "Three forces are at work, and each of them would be enough on its own.",
      '![Deposits by month](https://substack-post-media.s3.amazonaws.com/public/images/deposits_1200x800.png "Deposits fell for the ninth month in a row.")',
      "The first is the central bank, which has stopped buying bonds.",
    ]);
    expect(after!.split("\n\n")).toEqual([
      "The second is the banks, which lend less to one another than at any time since 2012.",
      "The third force is the one few saw coming: the [savers](https://ledger.substack.com/p/savers) themselves.",
      "What follows for the carry trade is a slow squeeze rather than a crash.",
      "Our view: expect two more years of tightening spreads before any relief.",
      "[Subscribe now](https://ledger.substack.com/subscribe?)",
    ]);
    expect(paid).toMatchObject({
      where: "posts.csv line 2",
      title: "The carry trade ends",
      dek: "Borrowing in euros is no longer free money, and that changes everything",
      slug: "the-carry-trade-ends",
      free: false,
      status: "published",
      publishedAt: new Date("2021-03-04T07:30:00.000Z"),
      authorKeys: [],
      termKeys: [],
      oldPaths: ["/p/the-carry-trade-ends"],
      imageUrls: ["https://substack-post-media.s3.amazonaws.com/public/images/deposits_1200x800.png"],
    });
  });

  it("keeps a post for everyone free and whole, its table as GFM", () => {
    const roundup = post(items, "100002");
    expect(roundup.free).toBe(true);
    expect(roundup.markdown).not.toContain(PAYWALL_MARKER);
    expect(roundup.markdown).toContain("| Market | Change |\n| --- | --- |\n| Bunds | +0.12 pp |\n| OATs | +0.18 pp |");
  });

  it("reads non-ASCII slugs and titles, keeps code and drops the embed's scripts", () => {
    const krise = post(items, "100003");
    expect(krise).toMatchObject({ title: "Über die Krise", slug: "über-die-krise", oldPaths: ["/p/über-die-krise"] });
    // Founding members only: not free.
    expect(krise.free).toBe(false);
    expect(krise.markdown).toContain(
      "```\nwachstum = [0.1, 0.3, -0.2]\n\nprint(sum(wachstum) / len(wachstum))\n```" + CUT,
    );
    expect(krise.markdown).toContain("Umfrage wird geladen…");
    expect(krise.markdown).not.toMatch(/script|polls\.example|window\.poll/);

    const markets = post(items, "100004");
    expect(markets).toMatchObject({
      title: "Кризис и рынки",
      slug: "кризис-и-рынки",
      dek: "Первая строка подзаголовка вторая строка",
      free: false,
      oldPaths: ["/p/кризис-и-рынки"],
    });
    expect(markets.markdown).toContain("## Рынки");
  });

  it("reads an unpublished post as a draft without an old address", () => {
    expect(post(items, "100005")).toMatchObject({
      where: "posts.csv line 7",
      status: "draft",
      slug: "",
      publishedAt: null,
      oldPaths: [],
      markdown: "Half-written.\n\nStill half-written.",
    });
  });

  it("links a podcast episode above its show notes", () => {
    expect(post(items, "100006").markdown).toBe(
      "[Listen to the episode](https://api.substack.com/feed/podcast/100006/episode12.mp3)\n\nShow notes: the budget, line by line.",
    );
  });

  it("reports a thread and a post whose HTML is missing, by the line each starts on", () => {
    expect(items.filter((item) => item.kind === "problem")).toEqual([
      { kind: "problem", where: "posts.csv line 10", reason: "a discussion thread, not a post: skipped" },
      {
        kind: "problem",
        where: "posts.csv line 11",
        reason: "its posts/100008.the-lost-post.html is not in the zip: skipped",
      },
    ]);
    expect(items.every((item) => item.kind === "post" || item.kind === "problem")).toBe(true);
  });

  it("yields the same items without bodies in the structural pass", async () => {
    const structural = await readAll(zip, false);
    expect(structural).toEqual(
      items.map((item) => (item.kind === "post" ? { ...item, markdown: "", imageUrls: [] } : item)),
    );
  });

  it("reads an export zipped again inside a folder", async () => {
    expect(await readAll(await fixtureZip("export/"))).toEqual(items);
  });

  it("lists the images the zip carries", async () => {
    expect(await listSubstackImages(zip)).toEqual(["images/chart.png"]);
  });
});

describe("readSubstackExport refuses what is not a Substack export", () => {
  it("a file that is not a zip", async () => {
    const file = await saved('{"db":[]}');
    await expect(readAll(file)).rejects.toThrow(/not a zip archive/);
    await expect(readAll(file)).rejects.toBeInstanceOf(ImportFileError);
  });

  it("a truncated zip", async () => {
    const whole = await readFile(await fixtureZip());
    for (const length of [Math.floor(whole.length / 2), whole.length - 10]) {
      await expect(readAll(await saved(whole.subarray(0, length)))).rejects.toThrow(
        /not a zip archive, or it is cut short/,
      );
    }
  });

  it("a zip without posts.csv, or with another CSV", async () => {
    await expect(readAll(await saved(await zipBytes([{ name: "notes.txt", data: "hello" }])))).rejects.toThrow(
      /no posts\.csv/,
    );
    const members = await zipBytes([{ name: "posts.csv", data: "email,name\na@example.com,A\n" }]);
    await expect(readAll(await saved(members))).rejects.toThrow(/no post_id column/);
  });

  it("a posts.csv with a quote left open", async () => {
    const broken = await zipBytes([
      { name: "posts.csv", data: `${HEADER}1.a,2021-01-01,true,,,newsletter,everyone,"Open\n` },
    ]);
    await expect(readAll(await saved(broken))).rejects.toThrow(/posts\.csv is not a CSV Folio can read/);
  });

  // yazl refuses to write these names, as it should: the zip is written with
  // a harmless name of the same length, which is then changed in its bytes.
  it.each([
    ["a .. segment", "xx/evil.html", "../evil.html"],
    ["an absolute path", "aetc/evil.html", "/etc/evil.html"],
    ["a drive letter", "Cxevil.html", "C:evil.html"],
    ["a backslash", "posts_evil.html", "posts\\evil.html"],
  ])("a zip with a file name with %s", async (_label, harmless, hostile) => {
    const bytes = await zipBytes([
      { name: "posts.csv", data: HEADER },
      { name: harmless, data: "<p>pwned</p>" },
    ]);
    const file = await saved(renamed(bytes, harmless, hostile));
    await expect(readAll(file)).rejects.toThrow(/would be unpacked outside its folder/);
    await expect(readAll(file)).rejects.toBeInstanceOf(ImportFileError);
  });
});

describe("readSubstackExport and zip bombs", () => {
  it("refuses an entry declaring 3 GB before inflating anything", async () => {
    const bytes = await zipBytes([
      { name: "posts.csv", data: `${HEADER}1.a,2021-01-01,true,,,newsletter,everyone,A,,\n` },
      { name: "posts/1.a.html", data: "<p>A</p>" },
    ]);
    const file = await saved(declaredSize(bytes, "posts/1.a.html", 3 * 1024 * MB));
    const started = performance.now();
    await expect(readAll(file)).rejects.toThrow(/inflates to more than 2,048 MB/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses an honest bomb by its size and by its ratio, with smaller limits", async () => {
    const limits: ZipLimits = { totalBytes: 48 * MB, maxRatio: 200, ratioFloorBytes: MB, maxEntries: 100 };
    const read = createSubstackReader(limits);
    const csv = { name: "posts.csv", data: `${HEADER}1.a,2021-01-01,true,,,newsletter,everyone,A,,\n` };
    const huge = await saved(await zipBytes([csv, { name: "posts/1.a.html", data: zeros(64 * MB) }]));
    await expect(readAll(huge, true, read)).rejects.toThrow(/inflates to more than 48 MB/);
    const dense = await saved(await zipBytes([csv, { name: "posts/1.a.html", data: zeros(16 * MB) }]));
    await expect(readAll(dense, true, read)).rejects.toThrow(/over 200 times its compressed size/);
  });

  it("refuses an entry that inflates to more than it declares, holding almost none of it", async () => {
    const bytes = await zipBytes([{ name: "posts.csv", data: zeros(64 * MB) }]);
    const file = await saved(declaredSize(bytes, "posts.csv", 100));
    const before = memoryInUse();
    const started = performance.now();
    await expect(readAll(file)).rejects.toThrow(/posts\.csv in this zip is damaged/);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(memoryInUse() - before).toBeLessThan(32 * MB);
  });

  it("counts the bytes actually inflated: reading an entry twice counts twice", async () => {
    const file = await saved(await zipBytes([{ name: "a.bin", data: randomBytes(6 * MB) }]));
    const archive = await ZipArchive.open(file, {
      totalBytes: 10 * MB,
      maxRatio: 200,
      ratioFloorBytes: MB,
      maxEntries: 10,
    });
    try {
      await archive.readText("a.bin", 8 * MB);
      await expect(archive.readText("a.bin", 8 * MB)).rejects.toThrow(/inflates to more than 10 MB/);
    } finally {
      archive.close();
    }
  });

  it("reports a post whose HTML is over 5 MB and reads on", async () => {
    const csv = `${HEADER}1.big,2021-01-01,true,,,newsletter,everyone,Big,,\n2.small,2021-01-02,true,,,newsletter,everyone,Small,,\n`;
    const big = `<p>${randomBytes(4 * MB).toString("base64")}</p>`;
    const file = await saved(
      await zipBytes([
        { name: "posts.csv", data: csv },
        { name: "posts/1.big.html", data: big },
        { name: "posts/2.small.html", data: "<p>Small.</p>" },
      ]),
    );
    expect(await readAll(file)).toEqual([
      { kind: "problem", where: "posts.csv line 2", reason: expect.stringMatching(/over 5 MB/) },
      expect.objectContaining({ kind: "post", key: "2", markdown: "Small." }),
    ]);
  });
});
