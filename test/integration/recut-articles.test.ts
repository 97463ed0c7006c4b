// The stored paywall cut in the database: a database that had articles
// before the cut was stored gets them cut right after the migrations; a
// changed PREVIEW_PARAGRAPHS setting cuts them again; and a writer that
// forgets the cut is refused by the database.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/articles/migrate-database";
import { recutArticles } from "@/lib/articles/recut-articles";
import { CUT_VERSION } from "@/lib/articles/paywall-cut";
import { bodyMd5, CUT_COLUMNS, cutValues, storedCut } from "@/lib/articles/stored-cut";
import { MIGRATIONS_DIR, migrate } from "@/lib/db/migrate";
import { scratchSchemaForFile, testDatabaseUrl } from "../fixtures/test-database";

const url = testDatabaseUrl();
const CUT_MIGRATION = "20261206000000_stored_paywall_cut";
const FENCE = "```";

// A fenced code block with blank lines in it: the regex cut split it.
const CODE_BODY = `Lead.\n\n${FENCE}\nstep one\n\nstep two\n\nstep three\n${FENCE}\n\nThird.\n\nFourth.`;
const MARKED_BODY = `Lead.\n\n<!-- paywall -->\n\nGated.`;

const scratch = scratchSchemaForFile({ migrated: false });
let before: string;

beforeEach(() => {
  // The migrations as they were before the cut was stored.
  before = mkdtempSync(path.join(tmpdir(), "folio-before-cut-"));
  for (const name of readdirSync(MIGRATIONS_DIR)) {
    if (name < CUT_MIGRATION) cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
  }
});
afterEach(() => rmSync(before, { recursive: true, force: true }));

type Stored = {
  slug: string;
  preview_markdown: string;
  gated_markdown: string;
  has_gated_part: boolean;
  preview_paragraphs: number;
  cut_version: number;
};

async function stored(): Promise<Stored[]> {
  const { rows } = await scratch.admin.query<Stored>(
    `SELECT slug, preview_markdown, gated_markdown, has_gated_part, preview_paragraphs, cut_version
     FROM "${scratch.schema}".articles ORDER BY slug`,
  );
  return rows;
}

async function insertOld(slug: string, body: string): Promise<void> {
  await scratch.admin.query(`INSERT INTO "${scratch.schema}".articles (slug, title, body) VALUES ($1, 'Old', $2)`, [
    slug,
    body,
  ]);
}

describe("the stored cut", () => {
  it("is made for articles that existed before it, right after the migrations, in batches", async () => {
    await migrate(url, { schema: scratch.schema, migrationsDir: before });
    await insertOld("a-code", CODE_BODY);
    await insertOld("b-marked", MARKED_BODY);
    for (let index = 0; index < 5; index++) await insertOld(`c-short-${index}`, `Only ${index}.`);

    const applied = await migrateDatabase(url, { schema: scratch.schema, previewParagraphs: 2 });
    // The cut's migration and every later one; the cut is made right after them.
    expect(applied[0]).toBe(CUT_MIGRATION);
    const rows = await stored();
    expect(rows[0]).toEqual({
      slug: "a-code",
      preview_markdown: `Lead.\n\n${FENCE}\nstep one\n\nstep two\n\nstep three\n${FENCE}`,
      gated_markdown: "Third.\n\nFourth.",
      has_gated_part: true,
      preview_paragraphs: 2,
      cut_version: CUT_VERSION,
    });
    expect(rows[1]).toMatchObject({ preview_markdown: "Lead.", gated_markdown: "Gated.", has_gated_part: true });
    expect(rows.slice(2).every((row) => row.gated_markdown === "" && !row.has_gated_part)).toBe(true);

    // Nothing left to do the second time.
    expect((await recutArticles(url, { schema: scratch.schema, previewParagraphs: 2 })).articles).toBe(0);

    // Another setting: every article is cut again, a few at a time.
    const again = await recutArticles(url, { schema: scratch.schema, previewParagraphs: 3, batchSize: 2 });
    expect(again.articles).toBe(7);
    const recut = await stored();
    expect(recut[0]).toMatchObject({
      preview_markdown: CODE_BODY.replace("\n\nFourth.", ""),
      gated_markdown: "Fourth.",
    });
    expect(recut.every((row) => row.preview_paragraphs === 3)).toBe(true);

    // Other connections still read the default schema: the embedded database
    // serves all connections from one session, where a session-wide
    // search_path leaked into every other test's queries.
    const searchPath = await scratch.admin.query<{ search_path: string }>("SHOW search_path");
    expect(searchPath.rows[0]!.search_path).not.toContain(scratch.schema);
  });

  it("is refused when a writer leaves it out, or writes a body without it", async () => {
    await migrateDatabase(url, { schema: scratch.schema });
    const table = `"${scratch.schema}".articles`;
    await expect(
      scratch.admin.query(`INSERT INTO ${table} (slug, title, body) VALUES ('no-cut', 'No cut', 'Body.')`),
    ).rejects.toMatchObject({ code: "23502" }); // not_null_violation

    const cut = storedCut(MARKED_BODY);
    await scratch.admin.query(
      `INSERT INTO ${table} (slug, title, body, ${CUT_COLUMNS}) VALUES ('cut', 'Cut', $1, $2, $3, $4, $5, $6)`,
      [MARKED_BODY, ...cutValues(cut)],
    );
    await expect(scratch.admin.query(`UPDATE ${table} SET body = 'Changed.' WHERE slug = 'cut'`)).rejects.toMatchObject(
      {
        code: "23514", // check_violation
        constraint: "articles_cut_matches_body",
      },
    );
    // A body written with its cut is accepted.
    const next = storedCut("Changed.");
    await scratch.admin.query(
      `UPDATE ${table} SET body = $1, (${CUT_COLUMNS}) = ($2, $3, $4, $5, $6) WHERE slug = 'cut'`,
      ["Changed.", ...cutValues(next)],
    );
    expect(next.cutBodyMd5).toBe(bodyMd5("Changed."));
  });

  it("agrees with PostgreSQL's md5 on any text", async () => {
    const text = "Grüße — ünïcödé 🧭\r\nand a line";
    const { rows } = await scratch.admin.query<{ md5: string }>("SELECT md5($1) AS md5", [text]);
    expect(bodyMd5(text)).toBe(rows[0]!.md5);
  });
});
