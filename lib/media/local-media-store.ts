// The media store in the data folder: FOLIO_DATA_DIR/media/<key>/<file>.
// A file is written under a temporary name and renamed, so a reader never
// gets half of one.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MediaStore, StoredObject } from "./media-store-interface";

const CONTENT_TYPES: Record<string, string> = { ".webp": "image/webp", ".jpg": "image/jpeg" };

export class LocalMediaStore implements MediaStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, "media");
  }

  private file(name: string): string {
    const file = path.resolve(this.root, name);
    // The callers check names; this holds even if one did not.
    if (!file.startsWith(this.root + path.sep)) throw new Error("a media file name left the media folder");
    return file;
  }

  async put(name: string, body: Buffer): Promise<void> {
    const file = this.file(name);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.tmp`;
    await writeFile(temporary, body);
    await rename(temporary, file);
  }

  async get(name: string): Promise<StoredObject | null> {
    const file = this.file(name);
    try {
      return {
        body: await readFile(file),
        contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async removeAll(key: string): Promise<void> {
    await rm(this.file(key), { recursive: true, force: true });
  }
}
