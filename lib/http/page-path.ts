// The address of one page of a paginated listing: page 1 is the listing's own
// address, every later page adds `page=N`. The pagination links and each
// page's canonical link both use it, so a crawler is pointed at the address
// the links lead to (before, page 2's canonical said page 1, and a search
// engine would drop every article only reachable from page 2 on).

/** `basePath` may carry a query string of its own (search). */
export function pagePath(basePath: string, page: number): string {
  if (page <= 1) return basePath;
  return `${basePath}${basePath.includes("?") ? "&" : "?"}page=${page}`;
}

/** A later page's title says which page it is: a search engine lists each page apart. */
export function pageTitle(title: string, page: number): string {
  return page <= 1 ? title : `${title}, page ${page}`;
}
