// One description of a database schema, shared by what schema.prisma expects
// and what the PostgreSQL catalog says.

// --- One shape for both sides ------------------------------------------------

export type IndexShape = {
  table: string;
  name: string;
  kind: "primary key" | "unique index" | "index";
  columns: string[];
  method: string;
};
export type ForeignKeyShape = {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
/**
 * A default the schema asks for: how to print it, and whether a database
 * default expression satisfies it. `acceptsGenerated`: an empty
 * `@default(dbgenerated())`, which says the database fills the column in,
 * is also satisfied by a generated column (Prisma has no syntax for those).
 */
export type ExpectedDefault = { describe: string; matches(sql: string): boolean; acceptsGenerated?: boolean };
export type ColumnShape<Default> = { type: string; nullable: boolean; default: Default | null };
/** A column as the catalog describes it; a generated column has `generated` ("GENERATED ALWAYS AS (...) STORED") and no default. */
export type ActualColumn = ColumnShape<string> & { generated: string | null };
export type Shape<Column> = {
  tables: Map<string, Map<string, Column>>;
  enums: Map<string, string[]>;
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};
export type ExpectedShape = Shape<ColumnShape<ExpectedDefault>>;
export type ActualShape = Shape<ActualColumn>;
