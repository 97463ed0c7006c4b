import { describe, expect, it } from "vitest";
import { assertRole, ForbiddenError } from "./actor";
import { effectiveRole, hasRole, parseAdminEmails } from "./roles";

describe("hasRole", () => {
  it.each([
    ["reader", "reader", true],
    ["reader", "editor", false],
    ["reader", "admin", false],
    ["editor", "reader", true],
    ["editor", "editor", true],
    ["editor", "admin", false],
    ["admin", "editor", true],
    ["admin", "admin", true],
  ] as const)("%s has %s: %s", (role, needed, expected) => {
    expect(hasRole(role, needed)).toBe(expected);
  });

  it("assertRole throws a ForbiddenError naming the role", () => {
    expect(() => assertRole({ id: "x", label: "x@example.org", role: "editor" }, "admin")).toThrow(ForbiddenError);
    expect(() => assertRole({ id: "x", label: "x@example.org", role: "admin" }, "admin")).not.toThrow();
  });
});

describe("ADMIN_EMAILS", () => {
  it("reads a list separated by commas, spaces or semicolons, normalised", () => {
    expect([...parseAdminEmails(" Chief@Example.org, ed@example.org;  third@example.org ")]).toEqual([
      "chief@example.org",
      "ed@example.org",
      "third@example.org",
    ]);
  });

  it("ignores what is not an address", () => {
    expect([...parseAdminEmails("not-an-address, ,a@b@c, ok@example.org")]).toEqual(["ok@example.org"]);
    expect(parseAdminEmails("").size).toBe(0);
  });

  it("raises a listed person to admin, and nobody else", () => {
    const listed = parseAdminEmails("chief@example.org");
    expect(effectiveRole({ email: "chief@example.org", role: "reader" }, listed)).toBe("admin");
    expect(effectiveRole({ email: "other@example.org", role: "editor" }, listed)).toBe("editor");
    expect(effectiveRole({ email: "other@example.org", role: "reader" }, listed)).toBe("reader");
  });
});
