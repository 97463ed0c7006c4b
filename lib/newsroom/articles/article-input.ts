// What an editor sends for an article, from the editor's form (a browser
// without JavaScript) or as JSON (autosave, scripts), checked with zod. Each
// problem is reported against the field it belongs to, so the editor can show
// it next to that field.
import { z } from "zod";
import type { ArticleKind } from "@/lib/articles/article-queries";
import { LIMITS, SLUG_PATTERN } from "./article-limits";

export { LIMITS };

export type ArticleContent = {
  title: string;
  dek: string;
  /** Empty: made from the headline. */
  slug: string;
  kind: ArticleKind;
  free: boolean;
  /** In byline order. */
  authorIds: string[];
  topicIds: string[];
  regionIds: string[];
  /** Markdown; a line `<!-- paywall -->` is the preview cut. */
  body: string;
};

export type ContentField = keyof ArticleContent;
export type FieldErrors = Partial<Record<ContentField | "version" | "publishAt", string>>;

/** Form fields that may repeat: the author slots and the tag checkboxes. */
export const LIST_FIELDS = ["authorIds", "topicIds", "regionIds"];

// The body and the rest of the form, with room for form encoding (which
// triples some characters).
export const MAX_REQUEST_BYTES = 4 * LIMITS.body;

/** Ids in the order given, without blanks (an empty author slot) or repeats. */
function idList(max: number, what: string) {
  return z
    .array(z.string().trim(), { error: `Send ${what} as a list.` })
    .default([])
    .transform((ids) => [...new Set(ids.filter((id) => id !== ""))])
    .pipe(
      z.array(z.guid({ error: `One of the ${what} is not known.` })).max(max, { error: `At most ${max} ${what}.` }),
    );
}

/** A checkbox sends "on" when ticked and nothing otherwise; JSON sends a boolean. */
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false"])], { error: "Send true or false." })
  .default(false)
  .transform((value) => value === true || value === "on" || value === "true");

export const articleContentSchema = z.object({
  title: z
    .string({ error: "Give the article a headline." })
    .trim()
    .min(1, { error: "Give the article a headline." })
    .max(LIMITS.title, { error: `A headline has at most ${LIMITS.title} characters.` }),
  dek: z
    .string({ error: "The dek must be text." })
    .trim()
    .max(LIMITS.dek, { error: `A dek has at most ${LIMITS.dek} characters.` })
    .default(""),
  slug: z
    .string({ error: "The slug must be text." })
    .trim()
    .toLowerCase()
    .max(LIMITS.slug, { error: `A slug has at most ${LIMITS.slug} characters.` })
    .refine((slug) => slug === "" || SLUG_PATTERN.test(slug), {
      error: "Use lower-case letters, digits and single hyphens, such as the-tanker-deal.",
    })
    .default(""),
  kind: z.enum(["daily", "in_depth"], { error: "Choose Daily Analysis or In-Depth." }).default("daily"),
  free: checkbox,
  authorIds: idList(LIMITS.authors, "authors"),
  topicIds: idList(LIMITS.tags, "topics"),
  regionIds: idList(LIMITS.tags, "regions"),
  body: z
    .string({ error: "The body must be text." })
    // Browsers send a textarea's line breaks as CRLF; the article keeps LF.
    .transform((body) => body.replace(/\r\n?/g, "\n"))
    .pipe(
      z.string().max(LIMITS.body, { error: `The body has at most ${LIMITS.body.toLocaleString("en")} characters.` }),
    ),
});

const VERSION_ERROR = "Send the version the edit started from, a whole number.";

// A number from JSON or digits from a form, and nothing that merely coerces to
// one (true, [1], " "): a garbled version must not pass for version 1.
const versionSchema = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d{1,10}$/, { error: VERSION_ERROR }),
    ],
    { error: VERSION_ERROR },
  )
  .transform(Number)
  .pipe(
    z
      .number()
      .int({ error: VERSION_ERROR })
      .min(1, { error: VERSION_ERROR })
      .max(2_147_483_647, { error: VERSION_ERROR }),
  );

export type Parsed<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "body");
    errors[field] ??= issue.message;
  }
  return errors as FieldErrors;
}

export function parseArticleContent(input: Record<string, unknown>): Parsed<ArticleContent> {
  const parsed = articleContentSchema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** A save: the content and the version it was edited from. */
export function parseArticleSave(input: Record<string, unknown>): Parsed<{ content: ArticleContent; version: number }> {
  const content = articleContentSchema.safeParse(input);
  const version = versionSchema.safeParse(input.version);
  if (content.success && version.success) return { ok: true, value: { content: content.data, version: version.data } };
  return {
    ok: false,
    fieldErrors: {
      ...(content.success ? {} : fieldErrorsOf(content.error)),
      ...(version.success ? {} : { version: version.error.issues[0]?.message }),
    },
  };
}

/** An optional expected version (publishing): absent means "whatever is saved". */
export function parseOptionalVersion(value: unknown): Parsed<number | undefined> {
  if (value === undefined || value === null || value === "") return { ok: true, value: undefined };
  const parsed = versionSchema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, fieldErrors: { version: parsed.error.issues[0]?.message } };
}
