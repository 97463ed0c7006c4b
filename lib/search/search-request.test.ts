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
      // A sentence a reader can read on the page: a capital first, a full stop last.
      expect(parsed.problem.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it.each([
    ["q=x&from=2026-03-02&to=2026-03-01", "The start date must be before the end date."],
    ["q=x&from=2026-02-30", "The start date is not a real calendar date."],
    ["q=x&to=yesterday", "The end date must be a date written year-month-day, such as 2026-03-01."],
    ["q=x&page=0", "The page must be a whole number from 1 to 1000."],
    ["q=x&sort=popular", "The order must be relevance or date (newest first)."],
    ["q=x&kind=weekly", "The kind must be daily (Daily Analysis) or in_depth (In-Depth)."],
    [
      "q=x&topic=Energy%20Policy",
      "The topic must be written as in the address of its page: lowercase letters, digits and hyphens.",
    ],
  ])("says what is wrong with %s in a sentence", (query, message) => {
    expect(parse(query)).toMatchObject({ ok: false, problem: { message } });
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
