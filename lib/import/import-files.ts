// Where uploaded export files wait for their import: $FOLIO_DATA_DIR/imports/<run id>
// (and <run id>.part while the upload is arriving). A file is kept until its
// import is done, since resuming an interrupted import reads it again; it is
// removed when the import is done or the file was refused, and files of runs
// older than RETENTION_DAYS (previews never applied, runs that failed on a
// server error) are swept when the import page lists the runs.
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/config/env";

export const RETENTION_DAYS = 7;
const PART_SUFFIX = ".part";
/** Longer than any upload takes: a .part file this old belongs to an upload that died. */
const STALE_PART_MS = 24 * 60 * 60 * 1000;

export function importsDir(): string {
  return path.resolve(env().FOLIO_DATA_DIR, "imports");
}

export function uploadPath(id: string): string {
  return path.join(importsDir(), id);
}

export function partialUploadPath(id: string): string {
  return path.join(importsDir(), `${id}${PART_SUFFIX}`);
}

export async function uploadExists(id: string): Promise<boolean> {
  return stat(uploadPath(id)).then(
    (found) => found.isFile(),
    () => false,
  );
}

export async function removeUpload(id: string): Promise<void> {
  await rm(uploadPath(id), { force: true });
}

export type StoredUpload = { id: string; partial: boolean; modified: Date };

/** The files in the imports folder, by run id. */
export async function listUploads(): Promise<StoredUpload[]> {
  const names = await readdir(importsDir()).catch(() => [] as string[]);
  const files = await Promise.all(
    names.map(async (name) => {
      const partial = name.endsWith(PART_SUFFIX);
      const id = partial ? name.slice(0, -PART_SUFFIX.length) : name;
      const found = await stat(path.join(importsDir(), name)).catch(() => null);
      return found?.isFile() ? { id, partial, modified: found.mtime } : null;
    }),
  );
  return files.filter((file): file is StoredUpload => file !== null);
}

/** Whether a stored file may go: `run` is what the database says of its run (null: no such run). */
export function sweepable(
  file: StoredUpload,
  run: { createdAt: Date; active: boolean } | null,
  now = new Date(),
): boolean {
  const age = now.getTime() - file.modified.getTime();
  if (file.partial) return age > STALE_PART_MS;
  if (!run) return age > STALE_PART_MS;
  return !run.active && now.getTime() - run.createdAt.getTime() > RETENTION_DAYS * 24 * 60 * 60 * 1000;
}

export async function removeStoredUpload(file: StoredUpload): Promise<void> {
  await rm(file.partial ? partialUploadPath(file.id) : uploadPath(file.id), { force: true });
}
