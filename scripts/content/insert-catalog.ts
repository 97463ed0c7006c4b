import type { Client, PoolClient } from "pg";
import type { Catalog } from "./generate-catalog";

// Writes the fixed catalogue and reads back the ids the article join rows
// need. Safe to run any number of times: existing rows (matched by slug, or
// by type and slug for tags) are left as they are.
export type CatalogIds = {
  authors: Map<string, string>;
  topics: Map<string, string>;
  regions: Map<string, string>;
};

export type CatalogCounts = { authors: number; topics: number; regions: number };

export async function insertCatalog(
  client: Client | PoolClient,
  catalog: Catalog,
): Promise<{ ids: CatalogIds; inserted: CatalogCounts }> {
  const { authors } = catalog;
  const tags = [...catalog.topics, ...catalog.regions];

  const insertedAuthors = await client.query(
    `INSERT INTO authors (slug, name, role, bio)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (slug) DO NOTHING`,
    [authors.map((a) => a.slug), authors.map((a) => a.name), authors.map((a) => a.role), authors.map((a) => a.bio)],
  );
  const insertedTags = await client.query<{ type: "topic" | "region" }>(
    `INSERT INTO tags (type, slug, name, description)
     SELECT * FROM unnest($1::"TagType"[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (type, slug) DO NOTHING
     RETURNING type`,
    [tags.map((t) => t.type), tags.map((t) => t.slug), tags.map((t) => t.name), tags.map((t) => t.description)],
  );

  const authorRows = await client.query<{ id: string; slug: string }>(
    "SELECT id, slug FROM authors WHERE slug = ANY($1::text[])",
    [authors.map((a) => a.slug)],
  );
  const tagRows = await client.query<{ id: string; type: "topic" | "region"; slug: string }>(
    `SELECT id, type, slug FROM tags WHERE (type, slug) IN (SELECT * FROM unnest($1::"TagType"[], $2::text[]))`,
    [tags.map((t) => t.type), tags.map((t) => t.slug)],
  );

  const ids: CatalogIds = {
    authors: new Map(authorRows.rows.map((row) => [row.slug, row.id])),
    topics: new Map(tagRows.rows.filter((row) => row.type === "topic").map((row) => [row.slug, row.id])),
    regions: new Map(tagRows.rows.filter((row) => row.type === "region").map((row) => [row.slug, row.id])),
  };
  if (ids.authors.size !== authors.length || ids.topics.size + ids.regions.size !== tags.length) {
    throw new Error("insertCatalog: some catalogue rows could not be read back after inserting them");
  }
  return {
    ids,
    inserted: {
      authors: insertedAuthors.rowCount ?? 0,
      topics: insertedTags.rows.filter((row) => row.type === "topic").length,
      regions: insertedTags.rows.filter((row) => row.type === "region").length,
    },
  };
}
