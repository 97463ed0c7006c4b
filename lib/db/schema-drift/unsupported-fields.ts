// Prisma's DMMF leaves out fields of type Unsupported("..."): the client
// cannot read or write them. The database has those columns all the same
// (full-text search vectors, for one), so the drift check reads them from the
// schema text and adds them to the datamodel as fields of kind "unsupported".
import type { Datamodel, DmmfField } from "./prisma-datamodel";

const MODEL = /^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
const FIELD = /^\s*(\w+)\s+Unsupported\(\s*"((?:[^"\\]|\\.)*)"\s*\)(\[\]|\?)?(.*)$/;
const MAP = /@map\(\s*(?:name:\s*)?"((?:[^"\\]|\\.)*)"\s*\)/;
const DB_GENERATED = /@default\(\s*dbgenerated\(\s*(?:"((?:[^"\\]|\\.)*)")?\s*\)\s*\)/;

const unescape = (text: string) => text.replace(/\\(.)/g, "$1");

/** The Unsupported(...) fields of each model, as DMMF-like fields. Expects a schema Prisma has validated. */
export function readUnsupportedFields(schemaText: string): Map<string, DmmfField[]> {
  const fields = new Map<string, DmmfField[]>();
  for (const [, model, body] of schemaText.matchAll(MODEL)) {
    for (const line of body!.split("\n")) {
      const code = line.replace(/\/\/.*$/, "");
      const match = FIELD.exec(code);
      if (!match) continue;
      const [, name, type, modifier, attributes = ""] = match;
      const map = MAP.exec(attributes);
      const generated = DB_GENERATED.exec(attributes);
      const field: DmmfField = {
        name: name!,
        dbName: map ? unescape(map[1]!) : null,
        kind: "unsupported",
        type: unescape(type!),
        isList: modifier === "[]",
        isRequired: modifier !== "?",
        ...(generated
          ? { default: { name: "dbgenerated", args: generated[1] === undefined ? [] : [unescape(generated[1])] } }
          : {}),
      };
      fields.set(model!, [...(fields.get(model!) ?? []), field]);
    }
  }
  return fields;
}

/** The datamodel with each model's Unsupported(...) fields added. */
export function withUnsupportedFields(datamodel: Datamodel, schemaText: string): Datamodel {
  const unsupported = readUnsupportedFields(schemaText);
  return {
    ...datamodel,
    models: datamodel.models.map((model) => ({
      ...model,
      fields: [...model.fields, ...(unsupported.get(model.name) ?? [])],
    })),
  };
}
