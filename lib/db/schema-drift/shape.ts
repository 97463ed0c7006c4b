// One description of a database schema, shared by what schema.prisma expects
// and what the PostgreSQL catalog says.

// --- One shape for both sides ------------------------------------------------

export type IndexShape = { table: string; name: string; kind: "primary key" | "unique index" | "index"; columns: string[]; method: string };
export type ForeignKeyShape = {
  table: string;
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
};
/** A default the schema asks for: how to print it, and whether a database default expression satisfies it. */
export type ExpectedDefault = { describe: string; matches(sql: string): boolean };
export type Shape<Default> = {
  tables: Map<string, Map<string, { type: string; nullable: boolean; default: Default | null }>>;
  enums: Map<string, string[]>;
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};
export type ExpectedShape = Shape<ExpectedDefault>;
export type ActualShape = Shape<string>;
