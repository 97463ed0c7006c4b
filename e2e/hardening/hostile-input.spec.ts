// The fuzz test: every route of the inventory (route-inventory.ts), with
// every method it answers, as a visitor and as a signed-in reader, gets
// generated hostile input (hostile-input.ts): absurd path segments and query
// strings, bodies of the wrong type, encoding, size and content type, bogus
// server-action calls, Next.js's own request headers (router state, RSC,
// prefetch, Next-Url, Next-Action) and server-action form posts. No answer
// may be a server error or show a stack trace, and the database must not
// change. FUZZ_RUNS sets the number of cases per route, method and identity
// (default 20; pages get half). The worker's request count is logged at the end.
import { expect, test } from "./own-folio";
import fc from "fast-check";
import { expectDatabaseUnchanged, snapshotDatabase, type Snapshot } from "./database-snapshot";
import { expectSane, tally, withSegments } from "./fuzz-request";
import {
  encode,
  hostileActionForm,
  hostileBody,
  hostileNextHeaders,
  hostileQuery,
  hostileSegment,
  hostileString,
} from "./hostile-input";
import { signedInReader, type SignedInReader } from "./identities";
import { classify, discoverRoutes, samplesOf, type DiscoveredRoute } from "./route-inventory";
import { serverActions } from "./server-actions";

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

let reader: SignedInReader;
let before: Snapshot;

test.beforeAll(async () => {
  reader = await signedInReader("fuzzer");
  before = await snapshotDatabase();
});

test.afterAll(async () => {
  console.log(`hostile input: ${tally.requests} requests, ${tally.serverErrors} answered 5xx`);
  await expectDatabaseUnchanged(before);
});

function methodsOf(route: DiscoveredRoute): string[] {
  if (route.kind !== "handler") return ["GET", "POST"];
  return route.methods.filter((method) => method !== "OPTIONS");
}

for (const route of discoverRoutes().filter((candidate) => candidate.kind !== "actions")) {
  const classification = classify(route.pattern);
  for (const method of methodsOf(route)) {
    test(`${method} ${route.pattern}: hostile input gets no server error`, async () => {
      test.setTimeout(300_000);
      expect(classification, `${route.pattern} is not classified`).toBeDefined();
      const samples = samplesOf(route);
      const dynamic = (route.pattern.match(/\[/g) ?? []).length;
      const runs = route.kind === "handler" ? RUNS : Math.max(2, Math.ceil(RUNS / 2));
      // A route that acts without input acts for a signed-in reader on its
      // real address; with every dynamic segment hostile it cannot.
      const actsAsIs = classification!.changesWithoutInput?.includes(method) && dynamic === 0;
      const identities = actsAsIs ? [false] : [false, true];
      for (const signedIn of identities) {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...samples),
            fc.array(hostileSegment, { minLength: dynamic, maxLength: dynamic }),
            fc.option(hostileQuery, { nil: undefined }),
            hostileBody,
            fc.option(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 2, maxLength: 42 }), {
              nil: undefined,
            }),
            async (sample, segments, query, { contentType, body }, actionId) => {
              const path = withSegments(route, sample, segments) + (query === undefined ? "" : `?${query}`);
              const headers: Record<string, string> = {};
              if (signedIn) headers.cookie = reader.cookie;
              const carriesBody = method !== "GET" && method !== "HEAD";
              if (carriesBody && contentType) headers["content-type"] = contentType;
              // A page answers POST only for server actions: send made-up ones.
              if (route.kind !== "handler" && method === "POST" && actionId) headers["next-action"] = actionId;
              if (route.pattern === "/api/stripe/webhook")
                headers["stripe-signature"] = `t=${Date.now()},v1=${"0".repeat(64)}`;
              await expectSane({ method, path, headers, body: carriesBody ? body : undefined });
            },
          ),
          { numRuns: runs },
        );
      }
    });
  }
}

test("oversized bodies are refused without a server error", async () => {
  test.setTimeout(300_000);
  const huge = JSON.stringify({ email: `${"a".repeat(2_000_000)}@example.org`, token: "t".repeat(100_000) });
  for (const route of discoverRoutes().filter((candidate) => candidate.kind === "handler")) {
    for (const method of route.methods.filter((candidate) => !["GET", "HEAD", "OPTIONS"].includes(candidate))) {
      // Sent to the real addresses: where a POST acts without reading its body
      // (unlock, delete my account), a reader's would rightly go ahead.
      const signedIn = !classify(route.pattern)?.changesWithoutInput?.includes(method);
      for (const path of samplesOf(route)) {
        for (const contentType of ["application/json", "application/x-www-form-urlencoded"]) {
          await expectSane({
            method,
            path,
            headers: { "content-type": contentType, ...(signedIn ? { cookie: reader.cookie } : {}) },
            body: huge,
          });
        }
      }
    }
  }
});

test("the build's server actions survive garbage arguments", async () => {
  test.setTimeout(300_000);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) {
    await fc.assert(
      fc.asyncProperty(hostileBody, hostileString, async ({ contentType, body }, extra) => {
        // Visitors only: a signed-in reader's well-formed call (sign out) would change their own data.
        await expectSane({
          method: "POST",
          path: `${action.path}?x=${encode(extra).slice(0, 100)}`,
          headers: {
            "next-action": action.id,
            accept: "text/x-component",
            ...(contentType ? { "content-type": contentType } : {}),
          },
          body,
        });
      }),
      { numRuns: RUNS },
    );
  }
});

test("Next.js's own headers and server-action forms get no server error", async () => {
  test.setTimeout(600_000);
  const ids = serverActions().map((action) => action.id);
  const pages = discoverRoutes()
    .filter((route) => route.kind === "page")
    .flatMap((route) => samplesOf(route).slice(0, 1));
  const targets = [...pages, "/no-such-page", "/api/no-such-route", "/api/me", "/feed.xml", "/api/auth/session"];
  for (const path of targets) {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "HEAD", "POST"),
        hostileNextHeaders(ids),
        fc.option(fc.oneof(hostileActionForm(ids), hostileBody), { nil: undefined }),
        fc.boolean(),
        async (method, nextHeaders, form, signedIn) => {
          const headers: Record<string, string> = { ...nextHeaders };
          const body = method === "POST" ? form : undefined;
          if (body?.contentType) headers["content-type"] = body.contentType;
          // A reader's well-formed action call (sign out) would rightly change their own
          // data: the reader sends no action, as a header or a form.
          if (signedIn && !headers["next-action"] && !body?.body.includes("$ACTION")) headers.cookie = reader.cookie;
          await expectSane({ method, path, headers, body: body?.body }, { pastCacheBuster: true });
        },
      ),
      { numRuns: RUNS * 2 },
    );
  }
});
