// What the migrations should have built, derived from the DMMF the way
// `prisma migrate` would, including the constraint names Prisma derives.
import type { Datamodel, DmmfField, DmmfModel } from "./prisma-datamodel";
import type { ExpectedDefault, ExpectedShape } from "./shape";

const MAX_IDENTIFIER = 63;

/** Prisma's default constraint names (psl ConstraintNames), truncated like PostgreSQL identifiers. */
function constraintName(table: string, columns: string[], suffix: string): string {
  const joined = columns.length > 0 ? `${table}_${columns.join("_")}` : table;
  return joined.slice(0, MAX_IDENTIFIER - suffix.length) + suffix;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** @db.* native types as PostgreSQL's format_type() prints them. */
function nativeType([name, args]: [string, string[]]): string {
  const precision = args.length > 0 ? `(${args.join(",")})` : "";
  const named: Record<string, string> = {
    VarChar: `character varying${precision}`,
    Char: `character(${args[0] ?? 1})`,
    Decimal: `numeric${precision}`,
    Timestamp: `timestamp${precision} without time zone`,
    Timestamptz: `timestamp${precision} with time zone`,
    Time: `time${precision} without time zone`,
    Timetz: `time${precision} with time zone`,
    Integer: "integer",
    DoublePrecision: "double precision",
    ByteA: "bytea",
    Bit: `bit(${args[0] ?? 1})`,
    VarBit: `bit varying${precision}`,
  };
  return named[name] ?? `${name.toLowerCase()}${precision}`;
}

/** Reads a default like `'daily'::"ArticleKind"`, `0`, `'-1'::integer` or `false` as its literal text. */
function sqlLiteral(sql: string): string | undefined {
  let s = sql.trim();
  while (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
  const cast = String.raw`(?:::[\w ."\[\]()]+)?$`;
  const quoted = new RegExp(String.raw`^'((?:[^']|'')*)'${cast}`, "s").exec(s);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return new RegExp(String.raw`^(-?\d+(?:\.\d+)?|true|false)${cast}`, "i").exec(s)?.[1]?.toLowerCase();
}

const squash = (sql: string) => sql.replace(/\s+/g, "").toLowerCase();
const ANY_DEFAULT = (describe: string): ExpectedDefault => ({ describe, matches: () => true });

function expectedDefault(
  field: DmmfField,
  enumValue: (enumName: string, value: string) => string,
): ExpectedDefault | null {
  const value = field.default;
  if (value === undefined) return null;
  if (Array.isArray(value)) return ANY_DEFAULT(JSON.stringify(value));
  if (typeof value === "object" && value !== null) {
    const { name, args } = value as { name: string; args: unknown[] };
    if (name === "now")
      return { describe: "now()", matches: (sql) => /^(CURRENT_TIMESTAMP(\(\d\))?|now\(\))$/i.test(sql) };
    if (name === "autoincrement") return { describe: "autoincrement()", matches: (sql) => /^nextval\(/i.test(sql) };
    if (name === "dbgenerated" && typeof args[0] === "string") {
      const expression = args[0];
      return { describe: expression, matches: (sql) => squash(sql) === squash(expression) };
    }
    // An empty dbgenerated(): the database fills the column in, by a default
    // or as a generated column, which Prisma has no syntax for.
    if (name === "dbgenerated") return { describe: "dbgenerated()", matches: () => true, acceptsGenerated: true };
    // uuid(), cuid(), nanoid() and ulid() are filled in by Prisma Client, not the database.
    if (["uuid", "cuid", "nanoid", "ulid"].includes(name)) return null;
    return ANY_DEFAULT(`${name}()`);
  }
  const literal = field.kind === "enum" ? enumValue(field.type, String(value)) : String(value);
  if (field.type === "DateTime" || field.type === "Bytes") return ANY_DEFAULT(literal);
  const numeric = ["Int", "BigInt", "Float", "Decimal"].includes(field.type);
  const normalize = (text: string) => {
    if (numeric) return String(Number(text));
    if (field.type !== "Json") return text;
    try {
      return JSON.stringify(JSON.parse(text));
    } catch {
      return text;
    }
  };
  return {
    describe: numeric || field.type === "Boolean" ? literal : `'${literal}'`,
    matches: (sql) => {
      const found = sqlLiteral(sql);
      return found !== undefined && normalize(found) === normalize(literal);
    },
  };
}

/** What the migrations should have built, derived from the DMMF the way `prisma migrate` would. */
export function expectedShape(datamodel: Datamodel): ExpectedShape {
  const shape: ExpectedShape = { tables: new Map(), enums: new Map(), indexes: [], foreignKeys: [] };
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const column = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const enumValue = (enumName: string, value: string) =>
    enums.get(enumName)?.values.find((v) => v.name === value)?.dbName ?? value;
  const typeOf = (field: DmmfField) => {
    const base =
      field.kind === "enum"
        ? (enums.get(field.type)?.dbName ?? field.type)
        : field.kind === "unsupported"
          ? field.type.trim().replace(/\s+/g, " ")
          : field.nativeType
            ? nativeType(field.nativeType)
            : (SCALAR_TYPES[field.type] ?? field.type.toLowerCase());
    return field.isList ? `${base}[]` : base;
  };

  for (const e of datamodel.enums)
    shape.enums.set(
      e.dbName ?? e.name,
      e.values.map((v) => v.dbName ?? v.name),
    );

  for (const model of datamodel.models) {
    const table = tableOf(model);
    const columns = new Map<string, { type: string; nullable: boolean; default: ExpectedDefault | null }>();
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      // Prisma creates scalar lists as nullable columns.
      columns.set(field.dbName ?? field.name, {
        type: typeOf(field),
        nullable: field.isList || !field.isRequired,
        default: expectedDefault(field, enumValue),
      });
    }
    shape.tables.set(table, columns);

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = models.get(field.type)!;
      const columnNames = field.relationFromFields.map((name) => column(model, name));
      const required = field.relationFromFields.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
      shape.foreignKeys.push({
        table,
        name: constraintName(table, columnNames, "_fkey"),
        columns: columnNames,
        referencedTable: tableOf(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => column(target, name)),
        onDelete: referentialAction(field.relationOnDelete ?? (required ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      });
    }
  }

  for (const index of datamodel.indexes) {
    if (index.type === "fulltext") continue; // MySQL and MongoDB only
    const model = models.get(index.model)!;
    const table = tableOf(model);
    const columnNames = index.fields.map((f) => column(model, f.name));
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    const suffix = index.type === "id" ? "_pkey" : index.type === "unique" ? "_key" : "_idx";
    shape.indexes.push({
      table,
      name: index.dbName ?? constraintName(table, index.type === "id" ? [] : columnNames, suffix),
      kind,
      columns: index.fields.map((f, i) => (f.sortOrder === "desc" ? `${columnNames[i]} DESC` : columnNames[i]!)),
      method: (index.algorithm ?? "btree").toLowerCase(),
    });
  }

  addImplicitManyToMany(datamodel, shape, typeOf, tableOf);
  return shape;
}

/** Implicit many-to-many relations get a `_RelationName` table with columns A and B. */
function addImplicitManyToMany(
  datamodel: Datamodel,
  shape: ExpectedShape,
  typeOf: (field: DmmfField) => string,
  tableOf: (model: DmmfModel) => string,
): void {
  const sides = new Map<string, DmmfModel[]>();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind === "object" && field.isList && field.relationName && !field.relationFromFields?.length) {
        sides.set(field.relationName, [...(sides.get(field.relationName) ?? []), model]);
      }
    }
  }
  for (const [relation, models] of sides) {
    // Both sides are lists without foreign key fields; a self-relation lists one model twice.
    if (models.length !== 2) continue;
    // Column A points to the model whose name sorts first (byte order, as Prisma compares).
    const [a, b] = [...models].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) as [
      DmmfModel,
      DmmfModel,
    ];
    const table = `_${relation}`;
    const columns = new Map<string, { type: string; nullable: boolean; default: null }>();
    for (const [letter, model] of [
      ["A", a],
      ["B", b],
    ] as const) {
      const idIndex = datamodel.indexes.find((index) => index.model === model.name && index.type === "id");
      const id = model.fields.find((field) => field.name === idIndex?.fields[0]?.name);
      if (!id) continue; // Prisma only allows implicit many-to-many between models with a single @id
      columns.set(letter, { type: typeOf(id).replace(/\[\]$/, ""), nullable: false, default: null });
      shape.foreignKeys.push({
        table,
        name: `${table}_${letter}_fkey`,
        columns: [letter],
        referencedTable: tableOf(model),
        referencedColumns: [id.dbName ?? id.name],
        onDelete: "CASCADE",
        onUpdate: "CASCADE",
      });
    }
    shape.tables.set(table, columns);
    shape.indexes.push({ table, name: `${table}_AB_pkey`, kind: "primary key", columns: ["A", "B"], method: "btree" });
    shape.indexes.push({ table, name: `${table}_B_index`, kind: "index", columns: ["B"], method: "btree" });
  }
}

function referentialAction(prismaAction: string): string {
  return prismaAction.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase();
}
