// How large one post may be at its source, for every reader: larger than any
// real article (a long one with its markup is a few hundred kilobytes), small
// enough that holding it, and converting it to Markdown, is no memory
// problem. A larger post is a problem row and the import goes on without it.

/** Characters of a post's HTML (a WordPress item: of the whole item); bytes where a reader counts bytes. */
export const POST_SIZE_LIMIT = 5 * 1024 * 1024;

/** The reason on a post's problem row when it is over POST_SIZE_LIMIT. */
export const POST_TOO_LARGE = `it is over ${POST_SIZE_LIMIT / 1024 / 1024} MB, more than any article: skipped`;
