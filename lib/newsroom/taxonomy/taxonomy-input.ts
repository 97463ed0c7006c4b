// What an editor may type for an author, topic or region, checked once for
// the route handlers and the lib operations alike.
import { z } from "zod";
import type { TaxonomyKind } from "./taxonomy-kinds";

export const SLUG_MAX = 80;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Middle East & Gulf" -> "middle-east-gulf": lower case, ASCII, dashes. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}

export type TaxonomyFields = { name: string; slug: string; role: string; bio: string; description: string };
export type TaxonomyField = keyof TaxonomyFields;
export type FieldErrors = Partial<Record<TaxonomyField, string>>;

const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .default("");

const schema = z.object({
  name: z
    .string({ error: "Give it a name." })
    .trim()
    .min(1, "Give it a name.")
    .max(120, "A name can be at most 120 characters."),
  slug: text(SLUG_MAX + 40, "The slug"),
  role: text(120, "The role"),
  bio: text(2000, "The bio"),
  description: text(2000, "The description"),
});

export type ParsedInput = { ok: true; fields: TaxonomyFields } | { ok: false; errors: FieldErrors };

/**
 * Validates a create or edit form. An empty slug is made from the name; a
 * slug typed by the editor must already be one (lower-case letters, digits
 * and single dashes), so what they typed is what readers' URLs will show.
 * Fields that do not belong to the kind are dropped.
 */
export function parseTaxonomyInput(kind: TaxonomyKind, raw: unknown): ParsedInput {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && field in schema.shape && !errors[field as TaxonomyField]) {
        errors[field as TaxonomyField] = issue.message;
      }
    }
    return { ok: false, errors };
  }
  const { name, role, bio, description } = parsed.data;
  const slug = parsed.data.slug === "" ? slugify(name) : parsed.data.slug.toLowerCase();
  if (slug === "") return { ok: false, errors: { slug: "Give it a slug: letters or digits (the name has none)." } };
  if (slug.length > SLUG_MAX) return { ok: false, errors: { slug: `A slug can be at most ${SLUG_MAX} characters.` } };
  if (!SLUG_PATTERN.test(slug)) {
    return {
      ok: false,
      errors: { slug: "A slug is lower-case letters and digits joined by single dashes, like middle-east." },
    };
  }
  return {
    ok: true,
    fields:
      kind === "author" ? { name, slug, role, bio, description: "" } : { name, slug, role: "", bio: "", description },
  };
}
