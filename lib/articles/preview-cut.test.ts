// The preview cut, as a table. The cut runs inside PostgreSQL (folio_preview
// and folio_gated, defined in the first migration) so these cases run there.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/test/fixtures/test-database";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

async function cut(body: string, paragraphs = 3): Promise<{ preview: string; gated: string }> {
  const { rows } = await client.query<{ preview: string; gated: string }>(
    "SELECT folio_preview($1, $2) AS preview, folio_gated($1, $2) AS gated",
    [body, paragraphs],
  );
  return rows[0]!;
}

describe("preview cut", () => {
  it.each([
    ["the first three paragraphs", "a\n\nb\n\nc\n\nd\n\ne", 3, "a\n\nb\n\nc", "d\n\ne"],
    ["a setting of one paragraph", "a\n\nb\n\nc", 1, "a", "b\n\nc"],
    ["a setting below one counts as one", "a\n\nb", 0, "a", "b"],
    ["an article shorter than the preview", "a\n\nb", 3, "a\n\nb", ""],
    ["an article of exactly the preview", "a\n\nb\n\nc", 3, "a\n\nb\n\nc", ""],
    ["an empty body", "", 3, "", ""],
    ["several blank lines between paragraphs", "a\n\n\n\nb\n \t\nc\n\nd", 3, "a\n\nb\n\nc", "d"],
    ["Windows line endings", "a\r\n\r\nb\r\n\r\nc\r\n\r\nd", 3, "a\n\nb\n\nc", "d"],
    ["leading and trailing blank lines", "\n\n a\n\nb\n\nc\n\nd\n\n", 3, "a\n\nb\n\nc", "d"],
    ["a paragraph with single line breaks", "a1\na2\n\nb\n\nc\n\nd", 3, "a1\na2\n\nb\n\nc", "d"],
    ["the editor's marker", "a\n\n<!-- paywall -->\n\nb\n\nc", 3, "a", "b\n\nc"],
    [
      "the marker overrides the paragraph count",
      "a\n\nb\n\nc\n\nd\n\n<!-- paywall -->\n\ne",
      3,
      "a\n\nb\n\nc\n\nd",
      "e",
    ],
    ["a marker without spaces", "a\n<!--paywall-->\nb", 3, "a", "b"],
    ["an indented marker", "a\n\n   <!--  paywall  -->\n\nb", 3, "a", "b"],
    ["a marker on the first line", "<!-- paywall -->\n\nall gated", 3, "", "all gated"],
    ["a marker at the end", "a\n\nb\n\n<!-- paywall -->", 3, "a\n\nb", ""],
    [
      "only the first marker cuts",
      "a\n\n<!-- paywall -->\n\nb\n\n<!-- paywall -->\n\nc",
      3,
      "a",
      "b\n\n<!-- paywall -->\n\nc",
    ],
    [
      "a marker inside a sentence is not a cut",
      "a <!-- paywall --> b\n\nc\n\nd\n\ne",
      3,
      "a <!-- paywall --> b\n\nc\n\nd",
      "e",
    ],
  ])("%s", async (_label, body, paragraphs, preview, gated) => {
    expect(await cut(body, paragraphs)).toEqual({ preview, gated });
  });

  it("preview and gated part together hold every paragraph", async () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => `Paragraph ${i} with some words.`);
    const { preview, gated } = await cut(paragraphs.join("\n\n"), 4);
    expect([...preview.split("\n\n"), ...gated.split("\n\n")]).toEqual(paragraphs);
  });
});
