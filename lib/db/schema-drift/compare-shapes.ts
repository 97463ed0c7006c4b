// Lists every difference between the expected and the actual shape.
// --- The comparison ------------------------------------------------------------
import type { ActualShape, ExpectedShape, ForeignKeyShape, IndexShape } from "./shape";

const SCHEMA = "schema.prisma";
const DATABASE = "the database";

function describeIndex(index: IndexShape): string {
  const method = index.method === "btree" ? "" : ` using ${index.method}`;
  return `${index.kind} ${index.name} on ${index.table}(${index.columns.join(", ")})${method}`;
}

function describeForeignKey(fk: ForeignKeyShape): string {
  return `foreign key ${fk.name} on ${fk.table}(${fk.columns.join(", ")}) -> ${fk.referencedTable}(${fk.referencedColumns.join(", ")})`;
}

/**
 * Pairs expected and actual objects by name; an unpaired one is then paired by
 * its definition, so that a differently named but otherwise equal index is
 * reported as a naming difference rather than as one missing and one extra.
 */
function pairUp<T extends { table: string; name: string }>(
  expected: T[],
  actual: T[],
  sameDefinition: (a: T, b: T) => boolean,
): { pairs: [T, T][]; onlyExpected: T[]; onlyActual: T[] } {
  const remaining = [...actual];
  const take = (match: (candidate: T) => boolean) => {
    const index = remaining.findIndex(match);
    return index < 0 ? undefined : remaining.splice(index, 1)[0];
  };
  const pairs: [T, T][] = [];
  const unnamed: T[] = [];
  for (const e of expected) {
    const found = take((a) => a.table === e.table && a.name === e.name);
    if (found) pairs.push([e, found]);
    else unnamed.push(e);
  }
  const onlyExpected: T[] = [];
  for (const e of unnamed) {
    const found = take((a) => a.table === e.table && sameDefinition(e, a));
    if (found) pairs.push([e, found]);
    else onlyExpected.push(e);
  }
  return { pairs, onlyExpected, onlyActual: remaining };
}

/** Lists every difference between the expected and the actual shape, as sentences. */
export function compareShapes(expected: ExpectedShape, actual: ActualShape): string[] {
  const drift: string[] = [];

  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) {
      drift.push(`enum ${name}: in ${SCHEMA}, not in ${DATABASE}`);
      continue;
    }
    for (const value of values.filter((v) => !found.includes(v)))
      drift.push(`enum ${name}: value '${value}' in ${SCHEMA}, not in ${DATABASE}`);
    for (const value of found.filter((v) => !values.includes(v)))
      drift.push(`enum ${name}: value '${value}' in ${DATABASE}, not in ${SCHEMA}`);
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) drift.push(`enum ${name}: in ${DATABASE}, not in ${SCHEMA}`);
  }

  for (const [table, columns] of expected.tables) {
    const found = actual.tables.get(table);
    if (!found) {
      drift.push(`table ${table}: in ${SCHEMA}, not in ${DATABASE}`);
      continue;
    }
    for (const [name, column] of columns) {
      const where = `column ${table}.${name}`;
      const real = found.get(name);
      if (!real) {
        drift.push(`${where}: in ${SCHEMA}, not in ${DATABASE}`);
        continue;
      }
      if (column.type !== real.type)
        drift.push(`${where}: type ${column.type} in ${SCHEMA}, ${real.type} in ${DATABASE}`);
      if (column.nullable !== real.nullable) {
        const state = (nullable: boolean) => (nullable ? "nullable" : "NOT NULL");
        drift.push(`${where}: ${state(column.nullable)} in ${SCHEMA}, ${state(real.nullable)} in ${DATABASE}`);
      }
      if (real.generated !== null) {
        if (!column.default?.acceptsGenerated) {
          const declared = column.default ? `default ${column.default.describe}` : "no default";
          drift.push(`${where}: ${declared} in ${SCHEMA}, ${real.generated} in ${DATABASE}`);
        }
      } else if (column.default && real.default === null) {
        drift.push(`${where}: default ${column.default.describe} in ${SCHEMA}, no default in ${DATABASE}`);
      } else if (!column.default && real.default !== null) {
        drift.push(`${where}: no default in ${SCHEMA}, default ${real.default} in ${DATABASE}`);
      } else if (column.default && real.default !== null && !column.default.matches(real.default)) {
        drift.push(`${where}: default ${column.default.describe} in ${SCHEMA}, ${real.default} in ${DATABASE}`);
      }
    }
    for (const name of found.keys()) {
      if (!columns.has(name)) drift.push(`column ${table}.${name}: in ${DATABASE}, not in ${SCHEMA}`);
    }
  }
  for (const table of actual.tables.keys()) {
    if (!expected.tables.has(table)) drift.push(`table ${table}: in ${DATABASE}, not in ${SCHEMA}`);
  }

  const sameIndex = (a: IndexShape, b: IndexShape) =>
    a.kind === b.kind && a.method === b.method && a.columns.join() === b.columns.join();
  const indexes = pairUp(expected.indexes, actual.indexes, sameIndex);
  for (const [e, a] of indexes.pairs) {
    if (e.name !== a.name) drift.push(`${describeIndex(e)}: named ${a.name} in ${DATABASE}, Prisma expects ${e.name}`);
    else if (!sameIndex(e, a)) drift.push(`${describeIndex(e)} in ${SCHEMA}, but ${describeIndex(a)} in ${DATABASE}`);
  }
  for (const e of indexes.onlyExpected) drift.push(`${describeIndex(e)}: in ${SCHEMA}, not in ${DATABASE}`);
  for (const a of indexes.onlyActual) drift.push(`${describeIndex(a)}: in ${DATABASE}, not in ${SCHEMA}`);

  const sameTarget = (a: ForeignKeyShape, b: ForeignKeyShape) =>
    a.columns.join() === b.columns.join() &&
    a.referencedTable === b.referencedTable &&
    a.referencedColumns.join() === b.referencedColumns.join();
  const foreignKeys = pairUp(expected.foreignKeys, actual.foreignKeys, sameTarget);
  for (const [e, a] of foreignKeys.pairs) {
    const where = describeForeignKey(e);
    if (e.name !== a.name) drift.push(`${where}: named ${a.name} in ${DATABASE}, Prisma expects ${e.name}`);
    if (!sameTarget(e, a)) drift.push(`${where} in ${SCHEMA}, but ${describeForeignKey(a)} in ${DATABASE}`);
    if (e.onDelete !== a.onDelete)
      drift.push(`${where}: ON DELETE ${e.onDelete} in ${SCHEMA}, ${a.onDelete} in ${DATABASE}`);
    if (e.onUpdate !== a.onUpdate)
      drift.push(`${where}: ON UPDATE ${e.onUpdate} in ${SCHEMA}, ${a.onUpdate} in ${DATABASE}`);
  }
  for (const e of foreignKeys.onlyExpected) drift.push(`${describeForeignKey(e)}: in ${SCHEMA}, not in ${DATABASE}`);
  for (const a of foreignKeys.onlyActual) drift.push(`${describeForeignKey(a)}: in ${DATABASE}, not in ${SCHEMA}`);

  return drift;
}
