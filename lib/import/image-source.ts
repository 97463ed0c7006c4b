// Where an import finds the images its posts point to, when it is given them
// (`--images`): a folder (a copy of Ghost's content/images or WordPress's
// wp-content/uploads, or any folder of the files), or a zip holding them
// (Substack's export has an images folder). Nothing is fetched from the
// internet. An image is found by its address's path, then by its file name.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { refuseBySize } from "@/lib/media/media-library";
import { ImportFileError } from "./import-source";
import { ZipArchive } from "./sources/zip-archive";

export type FoundImage = { name: string; bytes: Buffer } | { name: string; refused: string };

export type ImageSource = {
  /** The file `url` names, null when there is none. */
  find(url: string): Promise<FoundImage | null>;
  close(): void;
};

const MAX_IMAGE_BYTES = 50 * 1_048_576;

/** The path of `url` (absolute or not), decoded, without the query; "" when it has none. */
function urlPath(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, "http://import.invalid").pathname;
  } catch {
    return "";
  }
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // A stray % stays as it is.
  }
  return pathname.replace(/\\/g, "/");
}

/** The relative paths under the folder an image may be at, most specific first. */
function candidates(pathname: string): string[] {
  const segments = pathname.split("/").filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  const names = segments.map((_, index) => segments.slice(index).join("/"));
  return [...new Set(names)];
}

export function imagesFromDirectory(directory: string): ImageSource {
  const root = path.resolve(directory);
  return {
    async find(url) {
      for (const relative of candidates(urlPath(url))) {
        const file = path.resolve(root, relative);
        // candidates() drops "..", and this makes sure of it: nothing outside the folder is read.
        if (!file.startsWith(root + path.sep)) continue;
        const info = await stat(file).catch(() => null);
        if (!info?.isFile()) continue;
        const refused = refuseBySize(info.size);
        if (refused) return { name: relative, refused };
        return { name: relative, bytes: await readFile(file) };
      }
      return null;
    },
    close() {},
  };
}

export async function imagesFromZip(zipPath: string): Promise<ImageSource> {
  const archive = await ZipArchive.open(zipPath);
  // By every tail of each name, so that "images/chart.png" is found for an
  // address ending in /chart.png or in /images/chart.png.
  const byTail = new Map<string, string>();
  for (const name of archive.names()) {
    if (name.endsWith("/") || name.startsWith("__MACOSX/")) continue;
    for (const tail of candidates(name).reverse()) if (!byTail.has(tail)) byTail.set(tail, name);
  }
  return {
    async find(url) {
      const name = candidates(urlPath(url))
        .map((tail) => byTail.get(tail))
        .find((found) => found !== undefined);
      if (!name) return null;
      const size = archive.size(name) ?? 0;
      const refused = refuseBySize(size);
      if (refused) return { name, refused };
      const chunks: Buffer[] = [];
      for await (const chunk of await archive.stream(name, MAX_IMAGE_BYTES)) chunks.push(chunk as Buffer);
      return { name, bytes: Buffer.concat(chunks) };
    },
    close: () => archive.close(),
  };
}

/** A folder or a zip, as `--images` names it. */
export async function openImageSource(location: string): Promise<ImageSource> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new ImportFileError(`There is no folder or zip of images at ${location}.`);
  return info.isDirectory() ? imagesFromDirectory(location) : imagesFromZip(location);
}
