// Reads one PostgreSQL schema from the catalog.
import type pg from "pg";
// --- The database, as the catalog describes it -------------------------------
import type { ActualShape } from "./shape";

const FK_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Reads one schema's tables, enums, indexes and foreign keys (`_prisma_migrations` excluded). */
export async function introspectSchema(client: pg.ClientBase, schemaName: string): Promise<ActualShape> {
  const shape: ActualShape = { tables: new Map(), enums: new Map(), indexes: [], foreignKeys: [] };
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    [schemaName],
  );
  for (const { name } of tables.rows) shape.tables.set(name, new Map());

  // Enum and extension types are named without their schema, built-in types as format_type() prints them.
  // A generated column keeps its expression where a default would be (pg_attrdef); attgenerated tells them apart.
  const columns = await client.query<{
    table_name: string;
    name: string;
    type: string;
    nullable: boolean;
    default: string | null;
    generated: string;
  }>(
    `SELECT c.relname AS table_name, a.attname AS name, NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attgenerated::text AS generated,
            CASE WHEN en.nspname = 'pg_catalog' THEN format_type(et.oid, a.atttypmod) ELSE et.typname::text END
              || CASE WHEN t.typcategory = 'A' THEN '[]' ELSE '' END AS type
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     JOIN pg_type t ON t.oid = a.atttypid
     JOIN pg_type et ON et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
     JOIN pg_namespace en ON en.oid = et.typnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
     ORDER BY c.relname, a.attnum`,
    [schemaName],
  );
  // Casts to the schema's own types print it (`'daily'::mig_x."ArticleKind"`); drop it so reports read the same in every schema.
  const quoted = schemaName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const ownSchema = new RegExp(String.raw`(?<![\w"])("${quoted}"|${quoted})\.`, "g");
  for (const row of columns.rows) {
    const expression = row.default?.replace(ownSchema, "") ?? null;
    // attgenerated: '' for an ordinary column, 's' stored, 'v' virtual (PostgreSQL 18).
    const generated =
      row.generated === ""
        ? null
        : `GENERATED ALWAYS AS (${expression}) ${row.generated === "s" ? "STORED" : "VIRTUAL"}`;
    shape.tables.get(row.table_name)?.set(row.name, {
      type: row.type,
      nullable: row.nullable,
      default: generated === null ? expression : null,
      generated,
    });
  }

  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE n.nspname = $1 GROUP BY t.typname ORDER BY 1`,
    [schemaName],
  );
  for (const row of enums.rows) shape.enums.set(row.name, row.labels);

  // Key columns in index order; expression columns as their SQL; bit 1 of indoption is DESC.
  const indexes = await client.query<{
    table_name: string;
    name: string;
    primary: boolean;
    unique: boolean;
    method: string;
    columns: string[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS name, ix.indisprimary AS primary, ix.indisunique AS unique,
            am.amname AS method,
            ARRAY(
              SELECT COALESCE(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true))
                     || CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
              FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
              LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum <> 0
              WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord
            ) AS columns
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_am am ON am.oid = i.relam
     WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'
     ORDER BY t.relname, i.relname`,
    [schemaName],
  );
  for (const row of indexes.rows) {
    const kind = row.primary ? "primary key" : row.unique ? "unique index" : "index";
    shape.indexes.push({ table: row.table_name, name: row.name, kind, columns: row.columns, method: row.method });
  }

  const foreignKeys = await client.query<{
    table_name: string;
    name: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT con.conname AS name, t.relname AS table_name,
            CASE WHEN rn.nspname = $1 THEN rt.relname::text ELSE rn.nspname || '.' || rt.relname END AS referenced_table,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
     FROM pg_constraint con
     JOIN pg_class t ON t.oid = con.conrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_class rt ON rt.oid = con.confrelid
     JOIN pg_namespace rn ON rn.oid = rt.relnamespace
     WHERE con.contype = 'f' AND n.nspname = $1
     ORDER BY t.relname, con.conname`,
    [schemaName],
  );
  for (const row of foreignKeys.rows) {
    shape.foreignKeys.push({
      table: row.table_name,
      name: row.name,
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: FK_ACTIONS[row.on_delete] ?? row.on_delete,
      onUpdate: FK_ACTIONS[row.on_update] ?? row.on_update,
    });
  }
  return shape;
}
