import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchRequest, searchQueryString } from "./search-request";

const parse = (query: string) => parseSearchRequest(new URLSearchParams(query));

describe("parseSearchRequest", () => {
  it.each([
    ["", { query: "", sort: "relevance", page: 1 }],
    ["q=%20%20energy%0A%09security%20", { query: "energy security", sort: "relevance", page: 1 }],
    ["q=a%00b", { query: "a b", sort: "relevance", page: 1 }],
    ["q=x&q=y&page=2&page=3", { query: "x", sort: "relevance", page: 2 }],
    ["q=x&topic=&region=&kind=&sort=", { query: "x", sort: "relevance", page: 1 }],
    [
      "q=x&topic=energy&region=middle-east&author=jo-doe&kind=in_depth&from=2026-01-01&to=2026-01-31&sort=date&page=4",
      {
        query: "x",
        topic: "energy",
        region: "middle-east",
        author: "jo-doe",
        kind: "in_depth",
        from: "2026-01-01",
        to: "2026-01-31",
        sort: "date",
        page: 4,
      },
    ],
  ])("reads %j", (query, request) => {
    expect(parse(query)).toEqual({ ok: true, request });
  });

  it.each([
    [`q=${"x".repeat(MAX_QUERY_LENGTH + 1)}`, "q"],
    ["q=x&page=0", "page"],
    ["q=x&page=-1", "page"],
    ["q=x&page=1001", "page"],
    [`q=x&page=${"9".repeat(400)}`, "page"],
    ["q=x&page=two", "page"],
    ["q=x&sort=popular", "sort"],
    ["q=x&kind=weekly", "kind"],
    ["q=x&topic=Energy%20Policy", "topic"],
    [`q=x&region=${"a".repeat(101)}`, "region"],
    ["q=x&author=%27%20OR%201%3D1--", "author"],
    ["q=x&from=2026-02-30", "from"],
    ["q=x&to=yesterday", "to"],
    ["q=x&from=2026-03-02&to=2026-03-01", "from"],
  ])("refuses %s, naming %s", (query, field) => {
    const parsed = parse(query);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.field).toBe(field);
      expect(parsed.problem.message).toMatch(/\.$/);
    }
  });

  it("counts the length after collapsing whitespace", () => {
    expect(parse(`q=${encodeURIComponent(`a${" ".repeat(1000)}b`)}`)).toMatchObject({
      ok: true,
      request: { query: "a b" },
    });
  });
});

describe("searchQueryString", () => {
  it("keeps the filters and changes what is asked", () => {
    const parsed = parse("q=grain exports&region=africa&sort=date&page=3");
    if (!parsed.ok) throw new Error("unexpected");
    expect(searchQueryString(parsed.request, { page: 1 })).toBe("q=grain+exports&region=africa&sort=date");
    expect(searchQueryString(parsed.request, { page: 4 })).toBe("q=grain+exports&region=africa&sort=date&page=4");
  });
});
