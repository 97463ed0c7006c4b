// What every importer reads out of a publication's export, whatever the
// platform: authors, tags and categories, then posts, each already converted
// to Folio's Markdown (lib/import/sources/html-to-markdown.ts), and the
// problems met on the way. apply-import.ts writes these; it knows nothing
// of Ghost, WordPress or Substack.

export type ImportFormat = "ghost" | "wordpress" | "substack";

export type ImportedAuthor = {
  kind: "author";
  /** The source's own id for the author: stable across exports. */
  key: string;
  name: string;
  /** As the source has it; apply-import makes it a Folio slug. */
  slug: string;
  bio: string;
};

export type ImportedTerm = {
  kind: "term";
  /** Unique within the export, e.g. "tag:5f1c" or "category:economy". */
  key: string;
  /** WordPress tells tags from categories; Ghost has tags only. */
  type: "tag" | "category";
  name: string;
  slug: string;
};

export type ImportedPost = {
  kind: "post";
  /** The source's own id for the post: what makes a re-import an update. */
  key: string;
  /** Where it is in the file, for the report: "post 12 (line 340)". */
  where: string;
  title: string;
  dek: string;
  /** As the source has it, possibly non-ASCII; apply-import makes it a Folio slug. */
  slug: string;
  /**
   * The body as Markdown. A `<!-- paywall -->` line where the source's own
   * cut was (Ghost's members-only card, WordPress's more tag, Substack's
   * paywall); none when the source had none.
   */
  markdown: string;
  /** Free to everyone at the source (Ghost `public`, Substack `everyone`). */
  free: boolean;
  status: "published" | "draft" | "scheduled";
  publishedAt: Date | null;
  /** In byline order. */
  authorKeys: string[];
  termKeys: string[];
  /** Paths the post had at the source, e.g. "/my-post/", "/2020/01/02/my-post/", "/p/my-post". */
  oldPaths: string[];
  /** Image URLs the body and the feature image refer to, as written. */
  imageUrls: string[];
};

export type ImportProblem = {
  kind: "problem";
  /** "post 12 (line 340)", "posts.csv line 8", "author 3". */
  where: string;
  reason: string;
};

export type SourceItem = ImportedAuthor | ImportedTerm | ImportedPost | ImportProblem;

export type ReadOptions = {
  /**
   * False for the first, structural pass: posts come with an empty
   * markdown, so the whole file is checked (and counted) cheaply before
   * anything is written.
   */
  bodies: boolean;
};

/**
 * A source reads its file from the start on every call (the runner reads it
 * twice: check, then import). Authors and terms come before the posts that
 * name them. A file that is not what it claims, truncated or hostile throws
 * ImportFileError; a bad post is a problem and the rest go on.
 */
export type ImportSourceReader = (path: string, options: ReadOptions) => AsyncIterable<SourceItem>;

/** The whole file is refused: nothing is imported. The message is shown as it is. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}
