// What a file given to the importer is, from its first bytes: the form and
// the command line take any file, and the name's extension is not trusted.
// Whether it truly is that format is for its reader to find out.
import { open } from "node:fs/promises";
import type { ImportFormat } from "./import-source";

export type DetectedFile =
  { kind: "posts"; format: ImportFormat } | { kind: "members" } | { kind: "unknown"; message: string };

export const NOT_AN_EXPORT =
  "Folio imports a Ghost export (.json), a WordPress export (.xml), a Substack export (.zip) or a members CSV from Ghost or Substack; this file is none of them.";

const SNIFF_BYTES = 4_096;

export function detectImportBytes(head: Buffer): DetectedFile {
  if (head.length === 0) return { kind: "unknown", message: "The file is empty." };
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { kind: "posts", format: "substack" };
  if (head.includes(0)) return { kind: "unknown", message: NOT_AN_EXPORT };
  const text = head
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (text.startsWith("{")) return { kind: "posts", format: "ghost" };
  if (text.startsWith("<")) {
    if (/<rss[\s>]/.test(text) || /wordpress\.org\/export/.test(text)) return { kind: "posts", format: "wordpress" };
    return { kind: "unknown", message: "This XML file is not a WordPress export (WXR)." };
  }
  const header = text.split(/\r?\n/, 1)[0]!.toLowerCase();
  if (header.split(",").some((column) => column.trim().replace(/^"|"$/g, "") === "email")) return { kind: "members" };
  return { kind: "unknown", message: NOT_AN_EXPORT };
}

export async function detectImportFile(path: string): Promise<DetectedFile> {
  const file = await open(path, "r");
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return detectImportBytes(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}
