// Finds where prisma/schema.prisma and the database its SQL migrations built
// disagree. Prisma's own `migrate diff` needs a schema engine that cannot be
// downloaded on every machine, so this reads the schema through the
// WebAssembly module the `prisma` package ships (the same `get_dmmf` the CLI
// calls) plus the Unsupported(...) fields its DMMF leaves out, introspects the
// PostgreSQL catalog, and compares tables, columns (generated ones included),
// enums, keys, indexes and foreign keys, including the constraint names that
// Prisma derives, since `prisma migrate` would report a different name as drift.
// SQL functions, views, sequences and check constraints are not compared.
import { readFileSync } from "node:fs";
import pg from "pg";
import { compareShapes } from "./compare-shapes";
import { expectedShape } from "./expected-shape";
import { introspectSchema } from "./introspect-schema";
import { getDatamodel, SCHEMA_PATH } from "./prisma-datamodel";
import { withUnsupportedFields } from "./unsupported-fields";

export type DriftOptions = {
  /** The schema to compare; read from `schemaPath` (default prisma/schema.prisma) when absent. */
  schemaText?: string;
  schemaPath?: string;
};

/** Differences between the Prisma schema and the database schema `schemaName`; empty when they agree. */
export async function findSchemaDrift(
  databaseUrl: string,
  schemaName: string,
  options: DriftOptions = {},
): Promise<string[]> {
  const schemaText = options.schemaText ?? readFileSync(options.schemaPath ?? SCHEMA_PATH, "utf8");
  const expected = expectedShape(withUnsupportedFields(getDatamodel(schemaText), schemaText));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return compareShapes(expected, await introspectSchema(client, schemaName));
  } finally {
    await client.end();
  }
}
