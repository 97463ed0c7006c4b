import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isReadableRouterState } from "./refuse-malformed-router-state";

// Next.js's own parser, as the oracle: what it throws on, the server refuses.
// (Only this test reaches into next/dist; the server does not.)
const { parseAndValidateFlightRouterState } = createRequire(import.meta.url)(
  "next/dist/server/app-render/parse-and-validate-flight-router-state",
) as { parseAndValidateFlightRouterState: (header: string) => unknown };

function nextReads(header: string): boolean {
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

const anyJson = fc.jsonValue({ maxDepth: 3 });
const segment = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.tuple(
    fc.string({ maxLength: 8 }),
    fc.string({ maxLength: 8 }),
    fc.constantFrom("c", "d", "oc", "ci(..)", "di(...)", "x", ""),
    fc.oneof(fc.constant(null), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 })),
  ),
  anyJson,
);
// Router states: mostly well formed, with any element now and then replaced by any JSON.
const state: fc.Memo<unknown> = fc.memo((depth) =>
  fc.oneof(
    fc
      .tuple(
        segment,
        depth <= 1
          ? fc.constant({})
          : fc.dictionary(fc.constantFrom("children", "modal", "x"), state(depth - 1), { maxKeys: 2 }),
        fc.oneof(fc.constant(null), fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), anyJson),
        fc.oneof(fc.constant(null), fc.constantFrom("refetch", "inside-shared-layout", "metadata-only", "x")),
        fc.oneof(fc.constant(null), fc.integer(), fc.boolean()),
        fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null)),
      )
      .chain((full) => fc.integer({ min: 0, max: 7 }).map((length) => full.slice(0, length))),
    fc.tuple(
      segment,
      fc.dictionary(fc.constantFrom("children", "modal"), depth <= 1 ? anyJson : state(depth - 1), { maxKeys: 2 }),
    ),
    anyJson,
  ),
);

describe("isReadableRouterState", () => {
  it("agrees with Next.js's parser on generated router states", () => {
    fc.assert(
      fc.property(state(4), fc.boolean(), (value, encoded) => {
        const json = JSON.stringify(value);
        const header = encoded ? encodeURIComponent(json) : json;
        expect(isReadableRouterState(header), header).toBe(nextReads(header));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with Next.js's parser on broken headers", () => {
    for (const header of [
      "garbage",
      "%7B",
      "%",
      "[",
      "{}",
      "[]",
      '[""]',
      '["",{}]',
      '["",[]]',
      "%5B%22%22%2C%7B%7D%5D",
    ]) {
      expect(isReadableRouterState(header), header).toBe(nextReads(header));
    }
  });

  it("refuses a header too long and a tree deeper than any route (where Next.js overflows its stack)", () => {
    expect(isReadableRouterState(`["${"x".repeat(40_000)}",{}]`)).toBe(false);
    const deep = `${'["",{"children":'.repeat(1500)}["",{}]${"}]".repeat(1500)}`;
    expect(deep.length).toBeLessThan(40_000);
    expect(isReadableRouterState(deep)).toBe(false);
    expect(isReadableRouterState("[".repeat(20_000))).toBe(false);
  });

  it("reads what Next.js's router sends", () => {
    expect(isReadableRouterState(undefined)).toBe(true);
    const article = [
      "",
      { children: ["articles", { children: [["slug", "x", "d", null], { children: ["__PAGE__", {}] }] }] },
      null,
      null,
      1,
    ];
    expect(isReadableRouterState(encodeURIComponent(JSON.stringify(article)))).toBe(true);
  });
});
