// Limits and formats of an article's fields, shared by the server's checks and
// the editor's form (which must not pull the server's code into the browser).
export const LIMITS = { title: 300, dek: 600, slug: 120, body: 200_000, authors: 10, tags: 30 } as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
