// The one module that reads zip files (with yauzl): the Substack export now,
// zips of images later. A zip is hostile until proven otherwise. An entry
// named to land outside any folder (an absolute path, a ".." segment, a
// backslash) refuses the archive, whatever the caller would do with it. A
// "zip bomb" inflates a few megabytes into terabytes: the sizes the zip
// declares are checked before anything is inflated, and since a declaration
// is only a claim, the bytes actually inflated are counted against the same
// limits as they come.
import { pipeline, Transform, type Readable } from "node:stream";
import yauzl from "yauzl";
import { ImportFileError } from "@/lib/import/import-source";

const MB = 1024 * 1024;

export type ZipLimits = {
  /** What all the entries may inflate to together. */
  totalBytes: number;
  /** Inflated bytes per compressed byte, for an entry once it is past ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
};

/**
 * An export of years of posts, with images, is far below these. Deflate
 * itself tops out near 1,000:1, which only long runs of one byte reach.
 */
export const ZIP_LIMITS: ZipLimits = {
  totalBytes: 2 * 1024 * MB,
  maxRatio: 200,
  ratioFloorBytes: MB,
  maxEntries: 500_000,
};

const NOT_A_ZIP = "This file is not a zip archive, or it is cut short";

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / MB).toLocaleString("en-US")} MB`;
}

export class ZipArchive {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ZipLimits,
  ) {}

  /** Opens `path` and reads its table of contents; throws ImportFileError for an unsafe or unreadable zip. */
  static async open(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      // Names are decoded and checked here (decodeStrings false), so that
      // what is refused, and how it is said, is decided in this file.
      zip = await yauzl.openPromise(path, { autoClose: false, decodeStrings: false, validateEntrySizes: true });
    } catch {
      // yauzl's reasons (no end-of-directory record, a bad comment length)
      // all come to this, for a reader.
      throw new ImportFileError(`${NOT_A_ZIP}.`);
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw new ImportFileError(
          `This zip holds ${zip.entryCount.toLocaleString("en-US")} files, more than the ${limits.maxEntries.toLocaleString("en-US")} an export may have: refused.`,
        );
      }
      return new ZipArchive(zip, await readEntries(zip, limits), limits);
    } catch (error) {
      zip.close();
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(`${NOT_A_ZIP}: its table of contents is damaged (${(error as Error).message}).`);
    }
  }

  /** The names of its files (not folders), in the zip's order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** What the file declares it inflates to; undefined when there is no such file. */
  size(name: string): number | undefined {
    return this.entries.get(name)?.uncompressedSize;
  }

  /** The inflated bytes of `name`, refused past `maxBytes` or the archive's limits. */
  async stream(name: string, maxBytes: number): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new ImportFileError(`This zip has no ${name}.`);
    if (entry.uncompressedSize > maxBytes) {
      throw new ImportFileError(
        `${name} in this zip is ${megabytes(entry.uncompressedSize)}, more than such a file may be (${megabytes(maxBytes)}): refused.`,
      );
    }
    let source: Readable;
    try {
      source = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw new ImportFileError(`${name} in this zip cannot be read: ${(error as Error).message.replace(/\.$/, "")}.`);
    }
    let bytes = 0;
    const counted = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        bytes += chunk.length;
        this.inflated += chunk.length;
        done(this.overLimit(name, entry, bytes, maxBytes), chunk);
      },
      // A failure of yauzl or zlib (sizes that do not match, data that does
      // not inflate) reaches the reader as a sentence about the file.
      destroy: (error, done) => {
        done(
          error && !(error instanceof ImportFileError)
            ? new ImportFileError(`${name} in this zip is damaged: ${error.message.replace(/\.$/, "")}.`)
            : error,
        );
      },
    });
    return pipeline(source, counted, () => {});
  }

  /** The whole of `name` as UTF-8 text. */
  async readText(name: string, maxBytes: number): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(name, maxBytes)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  close(): void {
    this.zip.close();
  }

  private overLimit(name: string, entry: yauzl.Entry, bytes: number, maxBytes: number): ImportFileError | null {
    if (bytes > maxBytes)
      return new ImportFileError(`${name} in this zip inflates to more than ${megabytes(maxBytes)}: refused.`);
    if (this.inflated > this.limits.totalBytes) return tooLarge(this.limits);
    if (tooDense(bytes, entry.compressedSize, this.limits)) return bomb(name, this.limits);
    return null;
  }
}

/** Deflate packs text some 3 to 10 times, images not at all: far denser is a bomb. */
function tooDense(inflated: number, compressed: number, limits: ZipLimits): boolean {
  return inflated > limits.ratioFloorBytes && inflated > compressed * limits.maxRatio;
}

function tooLarge(limits: ZipLimits): ImportFileError {
  return new ImportFileError(
    `This zip inflates to more than ${megabytes(limits.totalBytes)}, more than an export may: refused.`,
  );
}

function bomb(name: string, limits: ZipLimits): ImportFileError {
  return new ImportFileError(
    `${name} in this zip inflates to over ${limits.maxRatio} times its compressed size, which no export does (a zip bomb does): refused.`,
  );
}

/**
 * What yauzl needs to inflate `entry` later, and no more: an entry as read
 * keeps its raw name, extra fields and comment, some 1 KB, which for the
 * 50,000 posts of a large export would be held for the whole import.
 */
function slim(entry: yauzl.Entry): yauzl.Entry {
  const { compressedSize, uncompressedSize, compressionMethod, generalPurposeBitFlag, relativeOffsetOfLocalHeader } =
    entry;
  return Object.assign(new yauzl.Entry(), {
    compressedSize,
    uncompressedSize,
    compressionMethod,
    generalPurposeBitFlag,
    relativeOffsetOfLocalHeader,
  });
}

/** The file entries by name, every name and declared size checked. */
async function readEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
    if (yauzl.validateFileName(name) !== null) {
      throw new ImportFileError(
        `This zip holds a file named ${JSON.stringify(name)}, which would be unpacked outside its folder (an absolute path, ".." or a backslash): refused.`,
      );
    }
    if (name.endsWith("/")) continue;
    if (entries.has(name))
      throw new ImportFileError(`This zip holds two files named ${JSON.stringify(name)}: refused.`);
    declared += entry.uncompressedSize;
    if (declared > limits.totalBytes) throw tooLarge(limits);
    if (tooDense(entry.uncompressedSize, entry.compressedSize, limits)) throw bomb(name, limits);
    entries.set(name, slim(entry));
  }
  return entries;
}
