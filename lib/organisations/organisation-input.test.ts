import { describe, expect, it } from "vitest";
import { EMPTY_FORM, parseOrganisationInput, readOrganisationForm, type OrganisationForm } from "./organisation-input";

const valid: OrganisationForm = {
  name: "  University of Example  ",
  firstDay: "2027-01-01",
  lastDay: "2027-12-31",
  domains: "example.edu\n@Politics.Example.edu, example.edu",
  ipRanges: "81.2.69.0/24\n2a02:c7f:7e13::/48",
  seats: "25",
  manager: "Librarian@Example.edu",
};

const errorsOf = (form: Partial<OrganisationForm>) => {
  const parsed = parseOrganisationInput({ ...valid, ...form }, "Europe/London");
  return parsed.ok ? {} : parsed.errors;
};

describe("parseOrganisationInput", () => {
  it("reads a complete form", () => {
    const parsed = parseOrganisationInput(valid, "Europe/London");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input).toMatchObject({
      name: "University of Example",
      firstDay: "2027-01-01",
      lastDay: "2027-12-31",
      domains: ["example.edu", "politics.example.edu"],
      seats: 25,
      managerEmail: "librarian@example.edu",
    });
    expect(parsed.input.ranges.map((range) => range.cidr)).toEqual(["81.2.69.0/24", "2a02:c7f:7e13::/48"]);
    expect(parsed.input.period.endsAt.toISOString()).toBe("2028-01-01T00:00:00.000Z");
  });

  it("needs none of domains, ranges and seats", () => {
    expect(
      parseOrganisationInput({ ...EMPTY_FORM, name: "X", firstDay: "2027-01-01", lastDay: "2027-01-01" }, "UTC").ok,
    ).toBe(true);
  });

  it.each([
    ["a 10,000-character name", { name: "n".repeat(10_000) }, "name", "at most 200 characters (this one has 10000)"],
    ["an empty name", { name: "   " }, "name", "Give the organisation a name"],
    ["a name with a line break", { name: "A\nB" }, "name", "control characters"],
    ["no first day", { firstDay: "" }, "firstDay", "as a date"],
    ["31 February", { lastDay: "2027-02-31" }, "lastDay", "as a date"],
    ["a last day before the first", { lastDay: "2026-12-31" }, "lastDay", "cannot come before the first"],
    ["eleven years", { lastDay: "2038-01-01" }, "lastDay", "at most ten years"],
    ["*.com", { domains: "*.com" }, "domains", "wildcards are not allowed"],
    ["gmail.com", { domains: "example.edu\ngmail.com" }, "domains", "gmail.com is a consumer mail service"],
    ["a bare TLD", { domains: "edu" }, "domains", "public suffix"],
    ["a malformed range", { ipRanges: "81.2.69.0/33" }, "ipRanges", "at most 32"],
    ["host bits", { ipRanges: "81.2.69.9/24" }, "ipRanges", "has host bits set"],
    [
      "its own ranges overlapping",
      { ipRanges: "81.2.69.0/24 81.2.69.128/25" },
      "ipRanges",
      "overlap: list each address once",
    ],
    ["0 seats", { seats: "0" }, "seats", "whole number from 1"],
    ["2.5 seats", { seats: "2.5" }, "seats", "whole number from 1"],
    ["a million seats", { seats: "1000000" }, "seats", "whole number from 1"],
    ["seats without a manager", { manager: "" }, "manager", "Seats need a manager"],
    ["a manager without seats", { seats: "" }, "seats", "A manager manages seats"],
    ["a manager who is no address", { manager: "librarian" }, "manager", "not an email address"],
  ] as const)("refuses %s", (_label, form, field, message) => {
    expect(errorsOf(form)[field]).toContain(message);
  });

  it("refuses more than 200 entries in a list", () => {
    const domains = Array.from({ length: 201 }, (_, index) => `d${index}.example.edu`).join("\n");
    expect(errorsOf({ domains }).domains).toContain("At most 200 domains");
  });
});

describe("readOrganisationForm", () => {
  it("keeps strings only, cut to a length worth showing again", () => {
    const form = readOrganisationForm({ name: "x".repeat(50_000), seats: 5, domains: ["a"], manager: null });
    expect(form.name).toHaveLength(20_000);
    expect(form.seats).toBe("");
    expect(form.domains).toBe("");
  });
});
