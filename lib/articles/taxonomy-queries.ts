// Topics, regions and authors: the site's navigation and its listing pages.
// The reads are cached across requests under TAXONOMY (every page's header
// reads the topics and regions), and per request on top: the header, a page
// and its metadata ask for the same rows.
import { cache } from "react";
import { TAXONOMY } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { db } from "@/lib/db/prisma";

const taxonomyTags = () => [TAXONOMY];

export type TagType = "topic" | "region";
export type Tag = { id: string; type: TagType; slug: string; name: string; description: string };
export type Author = { id: string; slug: string; name: string; role: string; bio: string };

export const getTag = cache(
  sharedRead(
    (type: TagType, slug: string): Promise<Tag | null> => db().tag.findUnique({ where: { type_slug: { type, slug } } }),
    {
      name: "tag",
      tags: taxonomyTags,
    },
  ),
);

export const listTags = cache(
  sharedRead((type: TagType): Promise<Tag[]> => db().tag.findMany({ where: { type }, orderBy: { name: "asc" } }), {
    name: "tags",
    tags: taxonomyTags,
  }),
);

export const getAuthor = cache(
  sharedRead((slug: string): Promise<Author | null> => db().author.findUnique({ where: { slug } }), {
    name: "author",
    tags: taxonomyTags,
  }),
);

export type AuthorOption = { slug: string; name: string };

/** Every author by name, for the search page's author filter. */
export const listAuthors = sharedRead(
  (): Promise<AuthorOption[]> => db().author.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  { name: "author-options", tags: taxonomyTags },
);

export const listAuthorSlugs = sharedRead(
  async (): Promise<string[]> => {
    const authors = await db().author.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
    return authors.map((author) => author.slug);
  },
  { name: "author-slugs", tags: taxonomyTags },
);
