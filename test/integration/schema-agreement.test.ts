// prisma/schema.prisma and the SQL migrations must describe the same database:
// the Prisma client is generated from the one, the database built from the
// other. Each test migrates a fresh schema of its own and compares; the
// altered copies of the schema show that the comparison does catch drift.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findSchemaDrift } from "../../lib/db/schema-drift/find-schema-drift";
import { SCHEMA_PATH } from "../../lib/db/schema-drift/prisma-datamodel";
import { testDatabaseUrl, scratchSchemaForFile } from "../fixtures/test-database";

const url = testDatabaseUrl();
const committedSchema = readFileSync(SCHEMA_PATH, "utf8");

/** The committed schema with one edit; fails loudly if the text to edit is gone. */
function editSchema(from: string | RegExp, to: string): string {
  const edited = committedSchema.replace(from, to);
  if (edited === committedSchema) throw new Error(`schema.prisma no longer contains ${String(from)}; update this test`);
  return edited;
}

const scratch = scratchSchemaForFile({ migrated: true });

describe("schema.prisma and the migrations", () => {
  it("agree", async () => {
    expect(await findSchemaDrift(url, scratch.schema)).toEqual([]);
  });
});

describe("the drift check", () => {
  it.each([
    [
      "an extra field",
      editSchema(/(  description String\s+@default\(""\)\n)/, '$1  color String @default("")\n'),
      ["column tags.color: in schema.prisma, not in the database"],
    ],
    [
      "a field that became optional",
      editSchema(/(model Author \{[^}]*?name\s+)String/, "$1String?"),
      ["column authors.name: nullable in schema.prisma, NOT NULL in the database"],
    ],
    [
      "a changed type",
      editSchema(/position\s+Int\s/, "position  BigInt  "),
      ["column article_authors.position: type bigint in schema.prisma, integer in the database"],
    ],
    [
      "a removed default",
      editSchema(/(dek\s+String\s+)@default\(""\)/, "$1"),
      ["column articles.dek: no default in schema.prisma, default ''::text in the database"],
    ],
    [
      "a changed default",
      editSchema("@default(daily)", "@default(in_depth)"),
      ["column articles.kind: default 'in_depth' in schema.prisma, 'daily'::\"ArticleKind\" in the database"],
    ],
    [
      "@updatedAt without @default(now())",
      editSchema(/(model Meta \{[^}]*?)@default\(now\(\)\) @updatedAt/, "$1@updatedAt"),
      ["column folio_meta.updated_at: no default in schema.prisma, default CURRENT_TIMESTAMP in the database"],
    ],
    [
      "a new enum value",
      editSchema(/(  in_depth\n)/, "$1  explainer\n"),
      ["enum ArticleKind: value 'explainer' in schema.prisma, not in the database"],
    ],
    [
      "a missing @@index",
      editSchema(/\n  @@index\(\[authorId\]\)/, ""),
      ["index article_authors_author_id_idx on article_authors(author_id): in the database, not in schema.prisma"],
    ],
    [
      "an index's sort order",
      editSchema("publishedAt(sort: Desc)", "publishedAt"),
      [
        "index articles_status_published_at_idx on articles(status, published_at) in schema.prisma, " +
          "but index articles_status_published_at_idx on articles(status, published_at DESC) in the database",
      ],
    ],
    [
      "a constraint name that is not Prisma's",
      editSchema(/(email\s+String\s+)@unique/, '$1@unique(map: "users_email_unique")'),
      [
        "unique index users_email_unique on users(email): named users_email_key in the database, Prisma expects users_email_unique",
      ],
    ],
    [
      "a changed onDelete",
      editSchema(/(tag\s+Tag\s+@relation\(fields: \[tagId\], references: \[id\], onDelete: )Restrict/, "$1Cascade"),
      [
        "foreign key article_tags_tag_id_fkey on article_tags(tag_id) -> tags(id): ON DELETE CASCADE in schema.prisma, RESTRICT in the database",
      ],
    ],
    [
      "an Unsupported column's type",
      editSchema(/(searchVector\s+)Unsupported\("tsvector"\)/, '$1Unsupported("text")'),
      ["column articles.search_vector: type text in schema.prisma, tsvector in the database"],
    ],
    [
      "an Unsupported column that became required",
      editSchema(/(titleWords\s+Unsupported\("tsvector"\))\?/, "$1"),
      ["column articles.title_words: NOT NULL in schema.prisma, nullable in the database"],
    ],
    [
      "a GIN index the schema no longer declares",
      editSchema(/\n  @@index\(\[headlineVector\], type: Gin\)/, ""),
      [
        "index articles_headline_vector_idx on articles(headline_vector) using gin: in the database, not in schema.prisma",
      ],
    ],
    [
      "an index's method",
      editSchema("@@index([titleWords], type: Gin)", "@@index([titleWords], type: Hash)"),
      [
        "index articles_title_words_idx on articles(title_words) using hash in schema.prisma, " +
          "but index articles_title_words_idx on articles(title_words) using gin in the database",
      ],
    ],
  ])("reports %s", async (_change, schemaText, expected) => {
    expect(await findSchemaDrift(url, scratch.schema, { schemaText })).toEqual(expected);
  });

  it("reports a generated column that schema.prisma does not mark @default(dbgenerated())", async () => {
    const schemaText = editSchema(/(searchVector\s+Unsupported\("tsvector"\)\?\s+)@default\(dbgenerated\(\)\) /, "$1");
    expect(await findSchemaDrift(url, scratch.schema, { schemaText })).toEqual([
      expect.stringMatching(
        /^column articles\.search_vector: no default in schema\.prisma, GENERATED ALWAYS AS \(.*setweight\(to_tsvector\('english'::regconfig, body\), 'C'::"char"\)\)*\) STORED in the database$/,
      ),
    ]);
  });

  it("reports an Unsupported field missing from schema.prisma, and its index", async () => {
    const schemaText = editSchema(/\n  titleWords[^\n]*/, "").replace(/\n  @@index\(\[titleWords\], type: Gin\)/, "");
    expect(await findSchemaDrift(url, scratch.schema, { schemaText })).toEqual([
      "column articles.title_words: in the database, not in schema.prisma",
      "index articles_title_words_idx on articles(title_words) using gin: in the database, not in schema.prisma",
    ]);
  });

  it("reports a generated column that became an ordinary one", async () => {
    await scratch.admin.query(
      `ALTER TABLE "${scratch.schema}"."articles" ALTER COLUMN "search_vector" DROP EXPRESSION`,
    );
    expect(await findSchemaDrift(url, scratch.schema)).toEqual([
      "column articles.search_vector: default dbgenerated() in schema.prisma, no default in the database",
    ]);
  });

  it("reports a changed @map as a column on each side, and the index that moved with it", async () => {
    const schemaText = editSchema('@map("published_at")', '@map("publish_date")');
    expect(await findSchemaDrift(url, scratch.schema, { schemaText })).toEqual([
      "column articles.publish_date: in schema.prisma, not in the database",
      "column articles.published_at: in the database, not in schema.prisma",
      "index articles_status_publish_date_idx on articles(status, publish_date DESC): in schema.prisma, not in the database",
      "index articles_publish_date_created_at_id_idx on articles(publish_date DESC, created_at DESC, id): in schema.prisma, not in the database",
      "index articles_published_at_created_at_id_idx on articles(published_at DESC, created_at DESC, id): in the database, not in schema.prisma",
      "index articles_status_published_at_idx on articles(status, published_at DESC): in the database, not in schema.prisma",
    ]);
  });

  it("reports a changed @@map as a table on each side", async () => {
    const drift = await findSchemaDrift(url, scratch.schema, {
      schemaText: editSchema('@@map("folio_meta")', '@@map("meta")'),
    });
    expect(drift).toContain("table meta: in schema.prisma, not in the database");
    expect(drift).toContain("table folio_meta: in the database, not in schema.prisma");
    expect(drift).toContain("primary key meta_pkey on meta(key): in schema.prisma, not in the database");
  });

  it("reports what a later change to the database added or altered", async () => {
    await scratch.admin.query(`ALTER TABLE "${scratch.schema}"."tags" ADD COLUMN "color" TEXT`);
    await scratch.admin.query(`CREATE INDEX "by_name" ON "${scratch.schema}"."authors"("name")`);
    await scratch.admin.query(`ALTER TABLE "${scratch.schema}"."sessions" DROP CONSTRAINT "sessions_user_id_fkey"`);
    expect(await findSchemaDrift(url, scratch.schema)).toEqual([
      "column tags.color: in the database, not in schema.prisma",
      "index by_name on authors(name): in the database, not in schema.prisma",
      "foreign key sessions_user_id_fkey on sessions(user_id) -> users(id): in schema.prisma, not in the database",
    ]);
  });

  it("refuses a schema Prisma cannot parse, with Prisma's message", async () => {
    await expect(
      findSchemaDrift(url, scratch.schema, { schemaText: "model Broken {\n  id Nope @id\n}\n" }),
    ).rejects.toThrow(/prisma schema is invalid:[\s\S]*Nope/);
  });
});
