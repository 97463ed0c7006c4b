// Substack's export (Settings → Exports: a zip) as Folio's import items:
// posts.csv has a row per post, posts/<post_id>.html each one's body. The
// zip's table of contents is read once (zip-archive.ts, which refuses
// unsafe and bomb-like zips); posts.csv is then streamed, and a post's HTML
// is inflated only when its row is reached, and only in the pass that
// converts bodies. Other files (images) are left in the zip.
import { pipeline } from "node:stream";
import { CsvError, parse, type Info } from "csv-parse";
import { ImportFileError, type ImportSourceReader, type SourceItem } from "@/lib/import/import-source";
import { RecordLines } from "@/lib/import/members/members-csv";
import { POST_SIZE_LIMIT, POST_TOO_LARGE } from "./post-size-limit";
import { substackPost } from "./substack-post";
import { ZIP_LIMITS, ZipArchive, type ZipLimits } from "./zip-archive";

const MB = 1024 * 1024;
/** posts.csv lists posts, not bodies: a few hundred bytes a post. */
const CSV_LIMIT = 200 * MB;
/** No row of titles, dates and flags comes near this; a quote left open would, and would be held whole. */
const ROW_LIMIT = MB;
const CSV_NAME = "posts.csv";
const IMAGE = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i;

const NOT_SUBSTACK = "This zip is not a Substack export";

/**
 * Where posts.csv is: at the top, or in one folder when the export was
 * unpacked and zipped again. The file nearest the top wins.
 */
function findPostsCsv(archive: ZipArchive): string {
  const found = archive
    .names()
    .filter((name) => name === CSV_NAME || name.endsWith(`/${CSV_NAME}`))
    .sort((a, b) => a.split("/").length - b.split("/").length);
  if (!found[0]) throw new ImportFileError(`${NOT_SUBSTACK}: it has no ${CSV_NAME}.`);
  return found[0];
}

function csvFileError(error: unknown, lines: RecordLines): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = lines.errorLine(Number((error as CsvError & { lines?: number }).lines ?? 0));
  return new ImportFileError(`${CSV_NAME} is not a CSV Folio can read: ${error.message.split(":")[0]}, line ${line}.`);
}

type Row = { cells: Map<string, string>; line: number };

/** posts.csv's rows with the line each starts on, read as they are iterated. */
async function* csvRows(archive: ZipArchive, name: string): AsyncGenerator<Row> {
  const lines = new RecordLines();
  const parser = pipeline(
    await archive.stream(name, CSV_LIMIT),
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: ROW_LIMIT }),
    () => {},
  );
  let columns: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = lines.next(info, record);
      if (!columns) {
        columns = record.map((column) => column.trim().toLowerCase());
        if (!columns.includes("post_id"))
          throw new ImportFileError(`${NOT_SUBSTACK}: its ${CSV_NAME} has no post_id column.`);
        continue;
      }
      const cells = new Map<string, string>();
      columns.forEach((column, index) => cells.set(column, record[index] ?? ""));
      yield { cells, line };
    }
  } catch (error) {
    throw csvFileError(error, lines);
  } finally {
    parser.destroy();
  }
}

/** A reader with other zip limits than the defaults (tests use small ones). */
export function createSubstackReader(limits: ZipLimits = ZIP_LIMITS): ImportSourceReader {
  return async function* (path, { bodies }): AsyncGenerator<SourceItem> {
    const archive = await ZipArchive.open(path, limits);
    try {
      const csvName = findPostsCsv(archive);
      const folder = csvName.slice(0, -CSV_NAME.length);
      for await (const { cells, line } of csvRows(archive, csvName)) {
        const row = { cells, where: `${CSV_NAME} line ${line}` };
        const checked = substackPost(row, null);
        if (checked.kind === "problem") {
          yield checked;
          continue;
        }
        const file = `posts/${cells.get("post_id")!.trim()}.html`;
        const size = archive.size(folder + file);
        if (size === undefined)
          yield { kind: "problem", where: row.where, reason: `its ${file} is not in the zip: skipped` };
        else if (size > POST_SIZE_LIMIT) yield { kind: "problem", where: row.where, reason: POST_TOO_LARGE };
        else yield bodies ? substackPost(row, await archive.readText(folder + file, POST_SIZE_LIMIT)) : checked;
      }
    } finally {
      archive.close();
    }
  };
}

export const readSubstackExport: ImportSourceReader = createSubstackReader();

/** The images a Substack export carries, by their names in the zip, for when images are imported. */
export async function listSubstackImages(path: string): Promise<string[]> {
  const archive = await ZipArchive.open(path);
  try {
    return archive.names().filter((name) => IMAGE.test(name) && !name.startsWith("__MACOSX/"));
  } finally {
    archive.close();
  }
}
