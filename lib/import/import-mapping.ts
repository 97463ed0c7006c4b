// The optional mapping file of an import (`--map mapping.json`): which of the
// source's tags and categories are regions rather than topics, and which to
// leave out. Slugs as the source writes them.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ImportFileError } from "./import-source";

const slugList = z.array(z.string().trim().toLowerCase().min(1).max(200)).max(10_000).default([]);

const mappingSchema = z.strictObject(
  { regions: slugList, skip: slugList },
  { error: 'A mapping has "regions" and "skip", each a list of tag or category slugs.' },
);

export type ImportMapping = { regions: Set<string>; skip: Set<string> };

export const NO_MAPPING: ImportMapping = { regions: new Set(), skip: new Set() };

export function parseImportMapping(text: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportFileError("The mapping file is not JSON.");
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) throw new ImportFileError(`The mapping file: ${parsed.error.issues[0]!.message}`);
  return { regions: new Set(parsed.data.regions), skip: new Set(parsed.data.skip) };
}

export async function readImportMapping(path: string): Promise<ImportMapping> {
  return parseImportMapping(
    await readFile(path, "utf8").catch(() => {
      throw new ImportFileError(`The mapping file ${path} cannot be read.`);
    }),
  );
}
