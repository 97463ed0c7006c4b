// Who may keep a copy of a response: the one Cache-Control policy of the
// site, applied to every response by the web server (server/
// apply-cache-policy.ts). Next.js marks every dynamic page "private, no-cache,
// no-store"; this replaces that with what a CDN in front of Folio may do.
//
// The rule is reader first: a response that may depend on who asks, because
// the request carried a cookie (the session) or the response sets one, is
// `private, no-store`, whatever it is. Only a cookie-less GET of a public
// page that answered 200 may be kept by a shared cache, for a minute, and
// served stale for five more while the CDN fetches a fresh copy. Those
// responses say `Vary: Cookie`, so a CDN that does not already bypass its
// cache on cookies at least keys them apart (see docs/deployment.md).

export const PRIVATE = "private, no-store";
export const PUBLIC_PAGE = "public, s-maxage=60, stale-while-revalidate=300";

export type ResponseFacts = {
  method: string;
  /** The request's path, without the query string. */
  path: string;
  /** The request's Cookie header, if any. */
  cookie: string | undefined;
  /** A React Server Components request (the RSC header): varies with the client's router state. */
  rsc: boolean;
  status: number;
  /** Whether the response sets a cookie. */
  setsCookie: boolean;
  /** The page said it was made for this browser alone (lib/http/private-page.ts). */
  privatePage?: boolean;
};

export type CacheHeaders = {
  /** The Cache-Control to send, or null to keep what Next.js set (the build's hashed files). */
  cacheControl: string | null;
  /** Whether to add Cookie to Vary. */
  varyCookie: boolean;
};

// Pages whose cookie-less answer is the same for every anonymous reader: the
// preview, never the gated text (see lib/access). Search is one, the page and
// its API (results and headline suggestions): without a cookie it searches
// for no one, and each result's snippet comes from what anyone may read
// (lib/search). Its addresses are a long tail, but the searches readers
// repeat (a word in the news) are served whole from the page cache
// (docs/search.md).
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/articles\/[^/]+$/,
  /^\/(topics|regions|authors)\/[^/]+$/,
  /^\/archive$/,
  /^\/search$/,
  /^\/api\/search(\/suggest)?$/,
  /^\/(feed\.xml|sitemap\.xml|robots\.txt)$/,
];

// The build's content-hashed files: the same bytes for everyone, forever.
const BUILD_FILES = /^\/_next\/static\//;
// The media library's images: the route says whether one is public (a year,
// immutable) or for the reader alone (lib/access/media-access.ts).
const MEDIA_FILES = /^\/media\/[^/]+\/[^/]+$/;
// Files served as they are (the site's icon).
const STATIC_FILE = /^\/[^/]+\.(svg|ico|png|txt)$/;

export function cacheHeadersFor(facts: ResponseFacts): CacheHeaders {
  if (BUILD_FILES.test(facts.path)) return { cacheControl: null, varyCookie: false };
  // An image is public or private by what it is, not by who asks: the route
  // has decided, with the reader's cookie in hand, and sets no cookie.
  if (MEDIA_FILES.test(facts.path) && facts.status === 200 && !facts.setsCookie) {
    return { cacheControl: null, varyCookie: false };
  }
  // Never public, whatever the path: a Set-Cookie in a shared cache would
  // hand one reader's session to the next.
  if (facts.setsCookie || hasCookie(facts.cookie) || facts.privatePage) {
    return { cacheControl: PRIVATE, varyCookie: false };
  }
  const read = facts.method === "GET" || facts.method === "HEAD";
  if (read && facts.status === 200 && !facts.rsc && isPublicPage(facts.path)) {
    return { cacheControl: PUBLIC_PAGE, varyCookie: true };
  }
  if (read && STATIC_FILE.test(facts.path) && !isPublicPage(facts.path)) {
    return { cacheControl: null, varyCookie: false };
  }
  return { cacheControl: PRIVATE, varyCookie: false };
}

/** A page whose cookie-less answer is the same for every anonymous reader (path without the query). */
export function isPublicPage(path: string): boolean {
  return PUBLIC_PAGES.some((page) => page.test(path));
}

/** Any cookie at all counts: the session is one, and no page is worse off for being private. */
function hasCookie(header: string | undefined): boolean {
  return header !== undefined && header.trim() !== "";
}

/** `Vary` with `header` added once (Cookie for the public pages, Accept-Encoding for a gzipped one). */
export function varyWith(vary: string | undefined, header: string): string {
  const names = (vary ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => name === "*" || name.toLowerCase() === header.toLowerCase())) return names.join(", ");
  return [...names, header].join(", ");
}
