// Why a file given as a Ghost export is refused, when reading it failed, in
// a sentence for the person importing it. The stream parser's message says
// which character it expected, not what the file is, and its stack is
// nobody's business: the file's first bytes tell what it is instead.
import { open } from "node:fs/promises";
import { ImportFileError } from "@/lib/import/import-source";

const HEAD = 64;

/** The ImportFileError for `error`, met while reading the file at `path` as a Ghost export. */
export async function ghostFileRefusal(path: string, error: unknown): Promise<ImportFileError> {
  if (error instanceof ImportFileError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string") return new ImportFileError(`The file cannot be read (${code}).`);
  // The parser's limits on nesting and on the length of keys and numbers.
  if (error instanceof RangeError) {
    return new ImportFileError("This is not a Ghost export: its JSON nests deeper, or has longer keys, than one does.");
  }
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(HEAD), 0, HEAD, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString("latin1")
      .replace(/^\xEF\xBB\xBF/, "")
      .trimStart();
    if (head.startsWith("<"))
      return new ImportFileError("This is not a Ghost export: it is XML (a WordPress export?).");
    if (head.startsWith("PK"))
      return new ImportFileError("This is not a Ghost export: it is a zip (a Substack export?).");
    if (!head.startsWith("{")) return new ImportFileError("This is not a Ghost export: it is not JSON.");
    return new ImportFileError("The file stops being valid JSON part-way through: it is damaged.");
  } finally {
    await file.close();
  }
}
