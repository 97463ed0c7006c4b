// Reads prisma/schema.prisma offline through the WebAssembly module the
// `prisma` package ships (the same `get_dmmf` the CLI calls): Prisma's schema
// engine cannot be downloaded on every machine.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../../prisma/schema.prisma");

// --- The schema, as Prisma's DMMF describes it -------------------------------

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
export type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
export type DmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string;
  algorithm?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
};
export type DmmfEnum = { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] };
export type Datamodel = { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };

// The module's exports are whatever wasm-bindgen generated for this Prisma
// release (functions and memory, no type information).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SchemaWasm = { exports: Record<string, any>; panic: string | undefined };
let wasm: SchemaWasm | undefined;

/**
 * Loads prisma_schema_build_bg.wasm from the installed `prisma` package. Its
 * JavaScript glue is bundled inside the CLI, so this is a minimal equivalent
 * of that wasm-bindgen glue; the imports are matched by name prefix because
 * their suffixes are hashes that change between Prisma releases.
 */
function loadSchemaWasm(): SchemaWasm {
  if (wasm) return wasm;
  const prismaDir = path.dirname(createRequire(import.meta.url).resolve("prisma/package.json"));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(prismaDir, "build/prisma_schema_build_bg.wasm")));
  const state: SchemaWasm = { exports: {}, panic: undefined };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const text = (ptr: number, len: number) =>
    decoder.decode(new Uint8Array(state.exports.memory.buffer).subarray(ptr >>> 0, (ptr >>> 0) + len));
  const glue: [string, (...args: number[]) => unknown][] = [
    ["__wbg_Error_", (ptr, len) => new Error(text(ptr!, len!))],
    [
      "__wbg___wbindgen_throw_",
      (ptr, len) => {
        throw new Error(text(ptr!, len!));
      },
    ],
    [
      "__wbg_set_message_",
      (ptr, len) => {
        state.panic = text(ptr!, len!);
      },
    ],
    [
      "__wbindgen_init_externref_table",
      () => {
        const table = state.exports.__wbindgen_externrefs as WebAssembly.Table;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      },
    ],
  ];
  const imports: Record<string, Record<string, unknown>> = {};
  for (const { module: from, name } of WebAssembly.Module.imports(wasmModule)) {
    const implementation = glue.find(([prefix]) => name.startsWith(prefix))?.[1];
    if (!implementation)
      throw new Error(
        `prisma_schema_build wasm needs an unknown import ${name}; update lib/db/schema-drift/prisma-datamodel.ts`,
      );
    (imports[from] ??= {})[name] = implementation;
  }
  state.exports = new WebAssembly.Instance(wasmModule, imports as WebAssembly.Imports).exports;
  state.exports.__wbindgen_start();
  return (wasm = state);
}

/** Parses a Prisma schema offline and returns its DMMF datamodel. */
export function getDatamodel(schemaText: string): Datamodel {
  const { exports: w } = loadSchemaWasm();
  const input = new TextEncoder().encode(
    JSON.stringify({ prismaSchema: [["schema.prisma", schemaText]], noColor: true }),
  );
  const ptr = w.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(w.memory.buffer).set(input, ptr);
  let result: [number, number, number, number];
  try {
    result = w.get_dmmf(ptr, input.length);
  } catch (error) {
    const panic = wasm?.panic;
    wasm = undefined; // a panicked instance is unusable
    throw new Error(`Prisma's schema parser crashed${panic ? `: ${panic}` : ""}`, { cause: error });
  }
  const [outPtr, outLen, errorRef, failed] = result;
  if (failed) {
    const error = w.__wbindgen_externrefs.get(errorRef) as Error;
    w.__externref_table_dealloc(errorRef);
    let message = error.message;
    try {
      message = (JSON.parse(message) as { message?: string }).message ?? message;
    } catch {}
    throw new Error(`prisma schema is invalid:\n${message}`);
  }
  const json = new TextDecoder().decode(
    new Uint8Array(w.memory.buffer).subarray(outPtr >>> 0, (outPtr >>> 0) + outLen),
  );
  w.__wbindgen_free(outPtr, outLen, 1);
  return (JSON.parse(json) as { datamodel: Datamodel }).datamodel;
}
