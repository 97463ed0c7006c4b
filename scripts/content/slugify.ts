// Moved to lib/articles/slugify.ts: the newsroom makes slugs from headlines too.
export { slugify } from "../../lib/articles/slugify";
