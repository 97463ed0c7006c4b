// Topics, regions and authors: the site's navigation and its listing pages.
// The reads are cached per request: the header, a page and its metadata ask
// for the same rows.
import { cache } from "react";
import { db } from "@/lib/db/prisma";

export type TagType = "topic" | "region";
export type Tag = { id: string; type: TagType; slug: string; name: string; description: string };
export type Author = { id: string; slug: string; name: string; role: string; bio: string };

export const getTag = cache((type: TagType, slug: string): Promise<Tag | null> =>
  db().tag.findUnique({ where: { type_slug: { type, slug } } }),
);

export const listTags = cache((type: TagType): Promise<Tag[]> =>
  db().tag.findMany({ where: { type }, orderBy: { name: "asc" } }),
);

export const getAuthor = cache((slug: string): Promise<Author | null> => db().author.findUnique({ where: { slug } }));

export type AuthorOption = { slug: string; name: string };

/** Every author by name, for the search page's author filter. */
export function listAuthors(): Promise<AuthorOption[]> {
  return db().author.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export async function listAuthorSlugs(): Promise<string[]> {
  const authors = await db().author.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
  return authors.map((author) => author.slug);
}
