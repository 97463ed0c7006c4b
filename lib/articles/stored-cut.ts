// What every writer of an article body stores with it: the body cut by
// lib/articles/paywall-cut.ts, with what the cut was made with. The newsroom,
// the demo content, the backfill and the tests all write bodies through
// these, so the stored parts always match the body (a check constraint on
// cut_body_md5 refuses a body written without them).
import { createHash } from "node:crypto";
import { env } from "@/lib/config/env";
import { cutArticle, CUT_VERSION } from "./paywall-cut";

export type StoredCut = {
  previewMarkdown: string;
  gatedMarkdown: string;
  previewParagraphs: number;
  cutVersion: number;
  cutBodyMd5: string;
};

/** The md5 of the body as PostgreSQL's md5(text) computes it (UTF-8 bytes, hex). */
export function bodyMd5(body: string): string {
  return createHash("md5").update(body, "utf8").digest("hex");
}

/** The cut of `body` as stored, with the setting given or PREVIEW_PARAGRAPHS. */
export function storedCut(body: string, previewParagraphs = env().PREVIEW_PARAGRAPHS): StoredCut {
  const cut = cutArticle(body, previewParagraphs);
  return {
    previewMarkdown: cut.preview,
    gatedMarkdown: cut.gated,
    previewParagraphs,
    cutVersion: CUT_VERSION,
    cutBodyMd5: bodyMd5(body),
  };
}

/** A body with its cut, for a Prisma create or update: spread it into `data`. */
export function bodyData(body: string, previewParagraphs?: number): { body: string } & StoredCut {
  return { body, ...storedCut(body, previewParagraphs) };
}

/**
 * The cut's columns for raw SQL writers (the demo content, the backfill,
 * tests), in the order cutValues gives their values.
 */
export const CUT_COLUMNS = "preview_markdown, gated_markdown, preview_paragraphs, cut_version, cut_body_md5";

export function cutValues(cut: StoredCut): [string, string, number, number, string] {
  return [cut.previewMarkdown, cut.gatedMarkdown, cut.previewParagraphs, cut.cutVersion, cut.cutBodyMd5];
}
