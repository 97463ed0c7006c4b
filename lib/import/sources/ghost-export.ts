// Ghost's export (Labs → Export): `{"db":[{"meta":…,"data":{"posts":[…],
// "posts_authors":[…],"posts_tags":[…],"tags":[…],"users":[…],…}}]}`.
// Ghost writes the posts before the tables that name their authors and tags,
// so the file is read twice: first all but the post bodies, which also
// proves the file whole before anything is yielded; then the posts, one at
// a time. Neither pass holds more than one post.
import type { ImportSourceReader, SourceItem } from "@/lib/import/import-source";
import { indexGhostExport } from "./ghost-export-index";
import { readGhostRows } from "./ghost-export-rows";
import { GHOST_POST_FIELDS, ghostPost } from "./ghost-post";

export const readGhostExport: ImportSourceReader = async function* (path, options): AsyncGenerator<SourceItem> {
  const index = await indexGhostExport(path);
  yield* index.items;
  // The checking pass only measures the bodies: their size and whether there is one.
  const kept = options.bodies ? [...GHOST_POST_FIELDS, "html"] : GHOST_POST_FIELDS;
  const posts = new Map([["posts", (field: string) => kept.includes(field)]]);
  for await (const [, row] of readGhostRows(path, posts, "posts")) yield ghostPost(row, index, options.bodies);
};
