// URL slugs from headlines. Apostrophes are dropped rather than turned into
// hyphens so that "Germany's" becomes "germanys", not "germany-s".
const MAX_LENGTH = 80;

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_LENGTH) return slug;
  // Cut at a word boundary so a slug never ends in half a word.
  const cut = slug.slice(0, MAX_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_LENGTH)).replace(/-+$/, "");
}
