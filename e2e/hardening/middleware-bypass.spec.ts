// Authorization never rests on the proxy (middleware): every route is sent
// the header tricks that have fooled Next.js and the servers in front of it
// (x-middleware-subrequest, CVE-2025-29927; spoofed forwarding headers;
// rewrite headers; internal Next.js headers; forged Origin), with every
// method it answers, as nobody and as a signed-in reader. Nothing protected
// may come back: no reader's address, session or unlocked text, no newsroom
// page for a reader; and nothing may change in the database.
import { expect, test } from "./own-folio";
import { GATED_SENTENCE } from "../fixtures";
import { expectDatabaseUnchanged, snapshotDatabase, type Snapshot } from "./database-snapshot";
import { signedInReader, victimWithUnlock, type SignedInReader } from "./identities";
import { baseUrl, internalsIn, send, sendPastCacheBuster, type RawResponse } from "./raw-request";
import { classify, discoverRoutes, PROTECTED, samplesOf, type Access } from "./route-inventory";
import { serverActions } from "./server-actions";

const SUBREQUEST = [
  "middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  "pages/_middleware",
];

function tricks(path: string): Record<string, Record<string, string>> {
  const site = baseUrl().origin;
  return {
    ...Object.fromEntries(
      SUBREQUEST.map((value) => [`x-middleware-subrequest: ${value}`, { "x-middleware-subrequest": value }]),
    ),
    "forwarded host and proto": {
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      forwarded: "host=evil.example;proto=https",
    },
    "spoofed Host": { host: "evil.example" },
    "rewrite headers to the front page": { "x-original-url": "/", "x-rewrite-url": "/", "x-override-url": "/" },
    "x-nextjs-data": { "x-nextjs-data": "1" },
    "Next.js internal headers": {
      "x-invoke-path": "/",
      "x-invoke-query": "{}",
      "x-matched-path": "/",
      "x-middleware-prefetch": "1",
      "x-middleware-invoke": "1",
    },
    "RSC payload": { rsc: "1", "next-router-state-tree": "%5B%22%22%2C%7B%7D%5D" },
    "forged same-site Origin": { origin: site, "sec-fetch-site": "same-origin", referer: `${site}${path}` },
    "forged foreign Origin": { origin: "https://evil.example", referer: "https://evil.example/" },
    "Origin null": { origin: "null" },
  };
}

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"];

let attacker: SignedInReader;
let victim: SignedInReader;
let before: Snapshot;

test.beforeAll(async () => {
  victim = await victimWithUnlock();
  attacker = await signedInReader("attacker");
  before = await snapshotDatabase();
});

test.afterAll(async () => {
  await expectDatabaseUnchanged(before);
});

function secretsFor(identity: "anonymous" | "reader"): string[] {
  // Nobody sees the victim's data; an anonymous request sees no reader's at all.
  const secrets = [victim.email, victim.sessionToken, victim.id, GATED_SENTENCE, attacker.sessionToken];
  return identity === "anonymous" ? [...secrets, attacker.email] : secrets;
}

type Expectation = { pattern: string; access: Access; identity: "anonymous" | "reader"; label: string };

function expectNothingProtected(response: RawResponse, { pattern, access, identity, label }: Expectation): void {
  expect(response.status, `${label}: a server error`).toBeLessThan(500);
  expect(internalsIn(response.body), `${label}: internals in the body`).toBeNull();
  for (const secret of secretsFor(identity)) {
    expect(response.body.includes(secret), `${label}: the body holds ${secret.slice(0, 24)}`).toBe(false);
    // (Auth.js sets a signed-in reader's own session cookie again: that header is theirs.)
    if (identity === "reader" && secret === attacker.sessionToken) continue;
    expect(JSON.stringify(response.headers).includes(secret), `${label}: a header holds ${secret.slice(0, 24)}`).toBe(
      false,
    );
  }
  // A redirect serves nothing (to sign-in, or Next.js's ?_rsc= cache-buster for an RSC request).
  const refused = response.status >= 300;
  const newsroom = access === "editor" || access === "admin";
  const readerOnly = access === "reader" && identity === "anonymous" && !ANSWERS_VISITORS.has(pattern);
  if (newsroom || readerOnly) {
    expect(refused, `${label}: answered ${response.status} ${String(response.headers.location ?? "")}`).toBe(true);
  }
}

// Reader routes that answer a visitor, saying only that nobody is signed in.
const ANSWERS_VISITORS = new Set(["/api/me"]);

for (const route of discoverRoutes().filter((candidate) => candidate.kind !== "actions")) {
  const access = classify(route.pattern)?.access;
  test(`${route.pattern} (${access}) gives nothing away to header tricks`, async () => {
    test.setTimeout(300_000);
    expect(access, `${route.pattern} is not classified`).toBeDefined();
    const methods =
      route.kind === "handler"
        ? route.methods.filter((method) => method !== "HEAD" && method !== "OPTIONS")
        : ["GET", "POST"];
    for (const path of samplesOf(route)) {
      for (const [trick, headers] of Object.entries(tricks(path))) {
        for (const method of methods) {
          const mutating = MUTATING.includes(method);
          const body = mutating
            ? JSON.stringify({ email: "changed@hardening.example", newsletter: "free", subscribed: false })
            : undefined;
          const json: Record<string, string> = mutating ? { "content-type": "application/json" } : {};
          // Route handlers are followed past Next.js's ?_rsc= redirect to the
          // answer that counts; for a page that redirect is the refusal.
          const sendTo = route.kind === "handler" ? sendPastCacheBuster : send;
          const anonymous = await sendTo({ method, path, headers: { ...json, ...headers }, body });
          expectNothingProtected(anonymous, {
            pattern: route.pattern,
            access: access!,
            identity: "anonymous",
            label: `anonymous ${method} ${path} [${trick}]`,
          });
          // A reader's own session with a trick: a newsroom route still refuses, and a
          // change is never accepted from another site (the Origin is forged foreign).
          const readerHeaders: Record<string, string> = {
            ...json,
            ...headers,
            cookie: attacker.cookie,
            ...(mutating ? { origin: "https://evil.example", "sec-fetch-site": "cross-site" } : {}),
          };
          const asReader = await sendTo({ method, path, headers: readerHeaders, body });
          expectNothingProtected(asReader, {
            pattern: route.pattern,
            access: access!,
            identity: "reader",
            label: `reader ${method} ${path} [${trick}]`,
          });
          // (A POST to a page that is no server action only renders the page.)
          if (mutating && access === "reader" && route.kind === "handler")
            expect(asReader.status, `reader ${method} ${path} [${trick}] from another site`).toBe(403);
        }
      }
    }
  });
}

test("rewrite headers on a public page do not serve a protected one", async () => {
  test.setTimeout(300_000);
  const protectedPaths = discoverRoutes()
    .filter((route) => route.kind !== "actions" && PROTECTED.includes(classify(route.pattern)!.access))
    .flatMap(samplesOf);
  for (const target of protectedPaths) {
    const response = await send({
      method: "GET",
      path: "/",
      headers: { "x-original-url": target, "x-rewrite-url": target, "x-invoke-path": target, "x-matched-path": target },
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain("Daily Analysis");
    for (const secret of secretsFor("anonymous")) expect(response.body.includes(secret)).toBe(false);
  }
});

test("server actions called with header tricks act for nobody", async () => {
  test.setTimeout(300_000);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    for (const [trick, headers] of Object.entries(tricks(action.path))) {
      for (const identity of ["anonymous", "reader"] as const) {
        const response = await send({
          method: "POST",
          path: action.path,
          headers: {
            "next-action": action.id,
            "content-type": "text/plain;charset=UTF-8",
            accept: "text/x-component",
            ...headers,
            // A reader's call comes from another site, as a browser would say it.
            ...(identity === "reader"
              ? { cookie: attacker.cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" }
              : {}),
          },
          body: JSON.stringify(["monthly"]),
        });
        const label = `${identity} action ${action.name} at ${action.path} [${trick}]`;
        expect(response.status, label).not.toBe(500);
        expect(internalsIn(response.body), label).toBeNull();
        for (const secret of secretsFor(identity)) expect(response.body.includes(secret), label).toBe(false);
      }
    }
  }
});
