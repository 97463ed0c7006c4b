// Every route the app serves, found by walking app/ (pages, route handlers,
// metadata routes and server-action files), and the classification table that
// says who may use each. A route missing from the table fails the inventory
// test, so a new page or handler is covered by the bypass and fuzz tests as
// soon as it is classified here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * public: anyone, the same for everyone (may depend on the reader for display);
 * reader: a signed-in reader's own data or actions;
 * editor / admin: the newsroom (issue 7), refused to readers;
 * token: anyone holding a secret token from an email (the token is the credential);
 * webhook: a signed callback from Stripe.
 */
export type Access = "public" | "reader" | "editor" | "admin" | "token" | "webhook";

export type RouteKind = "page" | "handler" | "metadata" | "actions";

export type DiscoveredRoute = {
  /** The URL pattern, e.g. /articles/[slug]. For actions: the page path they belong to. */
  pattern: string;
  kind: RouteKind;
  file: string;
  /** HTTP methods the file exports (route handlers); GET for pages and metadata. */
  methods: string[];
};

export type Classification = {
  access: Access;
  /** Concrete paths to try (dynamic segments filled in). Default: the pattern itself. */
  samples?: string[];
  /**
   * Methods whose every accepted call changes the reader's own data even
   * without input (asking for a deletion email, unlocking the article):
   * sent to their real address anonymously only.
   */
  changesWithoutInput?: string[];
};

const APP = path.resolve(import.meta.dirname, "../../app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const METADATA: Record<string, string> = { "robots.ts": "/robots.txt", "sitemap.ts": "/sitemap.xml" };

export const CLASSIFICATION: Record<string, Classification> = {
  "/": { access: "public" },
  "/archive": { access: "public" },
  "/articles/[slug]": {
    access: "public",
    samples: ["/articles/e2e-gated-tanker-ceiling", "/articles/e2e-free-grid-reform"],
  },
  "/authors/[slug]": { access: "public", samples: ["/authors/e2e-correspondent"] },
  "/topics/[slug]": { access: "public", samples: ["/topics/e2e-energy"] },
  "/regions/[slug]": { access: "public", samples: ["/regions/e2e-strait"] },
  "/search": { access: "public", samples: ["/search?q=brindlewick"] },
  "/signin": { access: "public" },
  "/signin/check-email": { access: "public" },
  "/signin/confirm": { access: "token" },
  // An offer link's code is looked up in Stripe only when it could be one (lib/billing/offer-code.ts).
  "/subscribe": {
    access: "public",
    samples: [
      "/subscribe",
      "/subscribe?offer=SPRING-5",
      "/subscribe?offer=NO-SUCH-OFFER",
      "/subscribe?offer=%3Cscript%3E",
    ],
  },
  "/subscribe/success": { access: "public" },
  // The Checkout Session id is the credential; signing in also needs the nonce cookie of the browser that paid.
  "/subscribe/return": { access: "token", samples: ["/subscribe/return?session_id=cs_test_unknown"] },
  "/account": { access: "reader" },
  "/account/confirm-email": { access: "token" },
  "/account/confirm-delete": { access: "token" },
  "/account/deleted": { access: "public" },
  // Organisations (issue 23): the manager's seats (a reader's page that shows
  // nothing to a reader who manages none), and the invitation link (its token).
  "/account/organisation": { access: "reader" },
  "/account/organisation/join": { access: "token", samples: ["/account/organisation/join?token=not-a-token"] },
  "/feed.xml": { access: "public" },
  "/logo.png": { access: "public" },
  // A library image: public, or for the gated part's readers only (lib/access/media-access.ts).
  "/media/[key]/[file]": { access: "public", samples: ["/media/AAAAAAAAAAAAAAAAAAAAAA/640.webp"] },
  "/robots.txt": { access: "public" },
  "/sitemap.xml": { access: "public" },
  "/icon.svg": { access: "public" },
  "/api/health": { access: "public" },
  "/api/me": { access: "reader" },
  "/api/search": { access: "public", samples: ["/api/search?q=brindlewick"] },
  "/api/search/suggest": { access: "public", samples: ["/api/search/suggest?q=brin"] },
  "/api/articles/[slug]/unlock": {
    access: "reader",
    samples: ["/api/articles/e2e-gated-tanker-ceiling/unlock"],
    changesWithoutInput: ["POST"],
  },
  "/api/account/export": { access: "reader" },
  "/api/account/email": { access: "reader" },
  "/api/account/newsletters": { access: "reader" },
  "/api/account/delete": { access: "reader", changesWithoutInput: ["POST"] },
  "/api/account/email/confirm": { access: "token" },
  "/api/account/delete/confirm": { access: "token" },
  "/api/signin/confirm": { access: "token" },
  // The emailed code is the credential; five wrong tries end it.
  "/api/signin/code": { access: "token" },
  // Auth.js: session, csrf and sign-out (sign-out checks its CSRF token);
  // sign-in, callback and the rest answer 404 (lib/auth/closed-auth-routes.ts)
  // and stay here as samples, so that the fuzz and bypass tests keep trying them.
  "/api/auth/[...nextauth]": {
    access: "public",
    samples: [
      "/api/auth/session",
      "/api/auth/csrf",
      "/api/auth/providers",
      "/api/auth/signin/email",
      "/api/auth/callback/email",
      "/api/auth/signout",
    ],
  },
  "/api/stripe/webhook": { access: "webhook" },
  // Newsletters (issue 8): the web archive follows the access decision; the
  // unsubscribe link's signed token is its credential.
  "/newsletters": { access: "public" },
  "/newsletters/[newsletter]": { access: "public", samples: ["/newsletters/daily-review", "/newsletters/free"] },
  "/newsletters/[newsletter]/[date]": { access: "public", samples: ["/newsletters/daily-review/2026-11-27"] },
  "/unsubscribe/[token]": { access: "token", samples: ["/unsubscribe/not-a-token"] },
  "/api/unsubscribe/[token]": { access: "token", samples: ["/api/unsubscribe/not-a-token"] },
  "/admin/readers": { access: "admin" },
  "/admin/readers/[id]": { access: "admin" },
  "/admin/readers/export": { access: "admin" },
  "/admin/audit": { access: "admin" },
  "/admin/organisations": { access: "admin" },
  "/admin/organisations/[id]": { access: "admin" },
  "/api/admin/readers/[id]/comp": { access: "admin" },
  "/api/admin/readers/[id]/comp/revoke": { access: "admin" },
  "/api/admin/readers/[id]/role": { access: "admin" },
  // Moving in (issue 22): importing is for admins; an imported post's old
  // address is public and answers a 308 or the 404 page.
  "/admin/import": { access: "admin" },
  "/admin/import/[id]": { access: "admin" },
  "/admin/import/[id]/report": { access: "admin" },
  "/api/admin/import": { access: "admin" },
  "/api/admin/import/[id]/apply": { access: "admin" },
  "/api/admin/import/[id]/resume": { access: "admin" },
  // Gift articles (issue 23): the signed token is the credential; /gift says a link names no article.
  "/gift": { access: "public" },
  "/gift/[token]": {
    access: "token",
    samples: ["/gift/not-a-token", `/gift/${"A".repeat(64)}`],
  },
  "/[...path]": { access: "public", samples: ["/no-such-address/", "/2020/01/02/no-such-post/", "/p/no-such-post"] },
};

// Values for the newsroom's dynamic segments. They name nothing that exists:
// a visitor or a reader must be refused before anything is looked up.
const NEWSROOM_SEGMENTS: Record<string, string> = {
  "[id]": "00000000-0000-4000-8000-000000000000",
  "[number]": "1",
  "[newsletter]": "daily-review",
  "[section]": "topics",
};

/**
 * Newsroom routes (issue 7) that are not listed above are at least editor
 * routes: a reader and a visitor must be refused there whatever they send.
 * List an admin-only route explicitly as "admin".
 */
const PREFIX_CLASSIFICATION: [RegExp, Classification][] = [
  [/^\/admin(\/|$)/, { access: "editor" }],
  [/^\/api\/admin(\/|$)/, { access: "editor" }],
];

export function classify(pattern: string): Classification | undefined {
  return CLASSIFICATION[pattern] ?? PREFIX_CLASSIFICATION.find(([prefix]) => prefix.test(pattern))?.[1];
}

function urlPattern(relativeDir: string): string {
  const segments = relativeDir
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

function exportedMethods(source: string): string[] {
  return HTTP_METHODS.filter((method) =>
    new RegExp(
      `export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\b|export\\s+const\\s+\\{[^}]*\\b${method}\\b[^}]*\\}`,
    ).test(source),
  );
}

/** Every page, route handler, metadata route and server-action file under app/. */
export function discoverRoutes(dir = APP): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (!entry.startsWith("_")) routes.push(...discoverRoutes(full));
      continue;
    }
    const pattern = urlPattern(path.relative(APP, dir));
    const file = path.relative(path.resolve(APP, ".."), full);
    if (entry === "page.tsx" || entry === "page.ts") routes.push({ pattern, kind: "page", file, methods: ["GET"] });
    else if (entry === "route.ts")
      routes.push({ pattern, kind: "handler", file, methods: exportedMethods(readFileSync(full, "utf8")) });
    else if (entry === "actions.ts") routes.push({ pattern, kind: "actions", file, methods: ["POST"] });
    else if (METADATA[entry] && dir === APP)
      routes.push({ pattern: METADATA[entry]!, kind: "metadata", file, methods: ["GET"] });
    else if (/^(icon|apple-icon|opengraph-image|twitter-image)\.\w+$/.test(entry)) {
      routes.push({ pattern: `${pattern === "/" ? "" : pattern}/${entry}`, kind: "metadata", file, methods: ["GET"] });
    }
  }
  return routes;
}

/** The concrete paths to request for a route. */
export function samplesOf(route: DiscoveredRoute): string[] {
  const classification = classify(route.pattern);
  if (classification?.samples) return classification.samples;
  if (classification && (classification.access === "editor" || classification.access === "admin")) {
    const filled = route.pattern.replace(/\[[^\]]+\]/g, (segment) => NEWSROOM_SEGMENTS[segment] ?? segment);
    if (!/\[/.test(filled)) return [filled];
  }
  if (/\[/.test(route.pattern))
    throw new Error(`${route.pattern} (${route.file}) has dynamic segments: give it samples in CLASSIFICATION`);
  return [route.pattern];
}

export const PROTECTED: Access[] = ["reader", "editor", "admin"];
