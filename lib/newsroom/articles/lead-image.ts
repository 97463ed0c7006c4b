// An article's lead image: a library image with this article's alt text
// (required: the image is the first thing on the page), caption and credit.
// Set apart from the content save, so that choosing an image never collides
// with an editor's unsaved text (the content's version is not touched).
import { z } from "zod";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { refreshArticlePages } from "@/lib/cache/refresh-article-pages";
import { db } from "@/lib/db/prisma";
import { isArticleId } from "./editable-article";

export const LEAD_IMAGE_LIMITS = { alt: 300, caption: 500, credit: 200 } as const;

const text = (max: number, what: string) =>
  z
    .string({ error: `The ${what} must be text.` })
    .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
    .pipe(z.string().max(max, { error: `The ${what} has at most ${max} characters.` }))
    .default("");

const leadImageSchema = z
  .object({
    mediaId: z
      .string({ error: "Choose an image from the library." })
      .trim()
      .default("")
      .pipe(z.union([z.literal(""), z.guid({ error: "Choose an image from the library." })])),
    alt: text(LEAD_IMAGE_LIMITS.alt, "alt text"),
    caption: text(LEAD_IMAGE_LIMITS.caption, "caption"),
    credit: text(LEAD_IMAGE_LIMITS.credit, "credit"),
  })
  .refine((input) => input.mediaId === "" || input.alt !== "", {
    path: ["alt"],
    error: "Describe the image in the alt text, for readers who cannot see it.",
  });

export type LeadImageField = "mediaId" | "alt" | "caption" | "credit";
export type LeadImageResult =
  | { kind: "saved" | "removed" }
  | { kind: "not-found" }
  | { kind: "invalid"; fieldErrors: Partial<Record<LeadImageField, string>> };

/** Sets (or, with no mediaId, removes) the lead image of article `id`. */
export async function setLeadImage(actor: Actor, id: string, input: Record<string, unknown>): Promise<LeadImageResult> {
  assertRole(actor, "editor");
  if (!isArticleId(id)) return { kind: "not-found" };
  const parsed = leadImageSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<LeadImageField, string>> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0]) as LeadImageField] ??= issue.message;
    return { kind: "invalid", fieldErrors };
  }
  const { mediaId, alt, caption, credit } = parsed.data;
  if (mediaId && !(await db().media.findUnique({ where: { id: mediaId }, select: { id: true } }))) {
    return { kind: "invalid", fieldErrors: { mediaId: "That image is not in the library (any more)." } };
  }
  const updated = await db().article.updateMany({
    where: { id },
    data: mediaId
      ? { leadImageId: mediaId, leadImageAlt: alt, leadImageCaption: caption, leadImageCredit: credit }
      : { leadImageId: null, leadImageAlt: "", leadImageCaption: "", leadImageCredit: "" },
  });
  if (updated.count === 0) return { kind: "not-found" };
  const { slug } = await db().article.findUniqueOrThrow({ where: { id }, select: { slug: true } });
  await refreshArticlePages({ articleIds: [id], slugs: [slug] });
  return { kind: mediaId ? "saved" : "removed" };
}

export type LeadImageState = {
  mediaId: string | null;
  alt: string;
  caption: string;
  credit: string;
  media: { id: string; key: string; width: number; height: number; fileName: string; altText: string } | null;
};

export async function getLeadImage(actor: Actor, id: string): Promise<LeadImageState | null> {
  assertRole(actor, "editor");
  if (!isArticleId(id)) return null;
  const row = await db().article.findUnique({
    where: { id },
    select: {
      leadImageId: true,
      leadImageAlt: true,
      leadImageCaption: true,
      leadImageCredit: true,
      leadImage: { select: { id: true, key: true, width: true, height: true, fileName: true, altText: true } },
    },
  });
  if (!row) return null;
  return {
    mediaId: row.leadImageId,
    alt: row.leadImageAlt,
    caption: row.leadImageCaption,
    credit: row.leadImageCredit,
    media: row.leadImage,
  };
}
