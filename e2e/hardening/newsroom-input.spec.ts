// The fuzz test as the newsroom: every editor and admin route, called by a
// signed-in admin (who passes every role check), gets generated hostile
// bodies and queries, on real records (a draft article, a topic, a reader)
// so that the body is read, and on made-up ones. No answer may be a server
// error or show a stack trace. Unlike the visitor and reader fuzz
// (hostile-input.spec.ts), the database may change: an admin may rightly
// name a topic "<script>", and that is stored as text.
import { randomUUID } from "node:crypto";
import { expect, test } from "./own-folio";
import fc from "fast-check";
import { CUT_COLUMNS, cutValues, storedCut } from "../../lib/articles/stored-cut";
import { sql } from "../database";
import { expectSane, withSegments } from "./fuzz-request";
import { hostileBody, hostileQuery, hostileSegment } from "./hostile-input";
import { signedInReader, type SignedInReader } from "./identities";
import { baseUrl } from "./raw-request";
import { classify, discoverRoutes, samplesOf } from "./route-inventory";

const DRAFT_BODY = "First paragraph.\n\nSecond.";

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);

let admin: SignedInReader;
const real: Record<string, string> = {};

test.beforeAll(async () => {
  admin = await signedInReader("fuzz-admin");
  await sql("UPDATE users SET role = 'admin' WHERE id = $1", [admin.id]);
  const target = await signedInReader("fuzz-target");
  const [article] = await sql<{ id: string }>(
    `INSERT INTO articles (slug, title, dek, body, kind, status, free, ${CUT_COLUMNS})
     VALUES ($1, 'A Draft for the Fuzzer', 'Not for readers.', $2, 'daily', 'draft', false, $3, $4, $5, $6, $7)
     RETURNING id::text`,
    [`fuzz-draft-${randomUUID().slice(0, 8)}`, DRAFT_BODY, ...cutValues(storedCut(DRAFT_BODY))],
  );
  const [topic] = await sql<{ id: string }>(
    "INSERT INTO tags (type, slug, name) VALUES ('topic', $1, 'Fuzzed Topic') RETURNING id::text",
    [`fuzz-topic-${randomUUID().slice(0, 8)}`],
  );
  real.article = article!.id;
  real.topic = topic!.id;
  real.reader = target.id;
});

/** The real record a route's [id] names, by the route's family. */
function realSegments(pattern: string): string[] {
  const id = pattern.startsWith("/api/admin/articles")
    ? real.article
    : pattern.startsWith("/api/admin/readers")
      ? real.reader
      : real.topic;
  return [...pattern.matchAll(/\[([^\]]+)\]/g)].map(([, name]) =>
    name === "id"
      ? id!
      : name === "section"
        ? "topics"
        : name === "number"
          ? "1"
          : name === "newsletter"
            ? "daily-review"
            : name!,
  );
}

const newsroomHandlers = discoverRoutes().filter((route) => {
  const access = classify(route.pattern)?.access;
  return route.kind === "handler" && (access === "editor" || access === "admin");
});

test("the newsroom's routes are all found", () => {
  expect(newsroomHandlers.length).toBeGreaterThan(10);
});

for (const route of newsroomHandlers) {
  for (const method of route.methods.filter((candidate) => candidate !== "OPTIONS" && candidate !== "HEAD")) {
    test(`${method} ${route.pattern} as an admin: hostile input gets no server error`, async () => {
      test.setTimeout(300_000);
      const sample = samplesOf(route)[0]!;
      const dynamic = (route.pattern.match(/\[/g) ?? []).length;
      await fc.assert(
        fc.asyncProperty(
          // Real records, made-up ones (the sample), or hostile segments.
          fc.oneof(
            fc.constant(realSegments(route.pattern)),
            fc.constant([] as string[]),
            fc.array(hostileSegment, { minLength: dynamic, maxLength: dynamic }),
          ),
          fc.option(hostileQuery, { nil: undefined }),
          hostileBody,
          async (segments, query, { contentType, body }) => {
            const path = withSegments(route, sample, segments) + (query === undefined ? "" : `?${query}`);
            const carriesBody = method !== "GET";
            // Same-site, as the newsroom's own pages send it: a cross-site call is refused before its input is read.
            const headers: Record<string, string> = {
              cookie: admin.cookie,
              origin: baseUrl().origin,
              "sec-fetch-site": "same-origin",
            };
            if (carriesBody && contentType) headers["content-type"] = contentType;
            await expectSane({ method, path, headers, body: carriesBody ? body : undefined });
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
}
