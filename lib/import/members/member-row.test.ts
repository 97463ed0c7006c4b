import { describe, expect, it } from "vitest";
import { importedCompUntil } from "./imported-comp-until";
import { memberRowHash, parseSourceDate, type MemberRow, type MemberRowResult } from "./member-row";
import type { MembersCsvRecord } from "./members-csv";
import { columnNames } from "./members-format";
import { readMemberRow } from "./read-member-row";

const GHOST = columnNames(
  "id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers".split(
    ",",
  ),
);
const SUBSTACK = columnNames(
  "email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at".split(","),
);
const SUBSTACK_OLD = columnNames("email,expiry,email_disabled,stripe_connected_customer_id,type".split(","));

function record(columns: string[], values: string[], line = 7): MembersCsvRecord {
  const cells = new Map<string, string>();
  columns.forEach((column, index) => {
    if (values[index] !== undefined) cells.set(column, values[index]);
  });
  return { line, cells, fields: values.length };
}

function ghost(fields: Partial<Record<string, string>>, extra: string[] = []): MemberRowResult {
  const values = GHOST.map((column) => fields[column] ?? "");
  return readMemberRow("ghost-members", record(GHOST, [...values, ...extra]), GHOST.length);
}

function substack(columns: string[], fields: Partial<Record<string, string>>): MemberRowResult {
  return readMemberRow(
    "substack-subscribers",
    record(
      columns,
      columns.map((column) => fields[column] ?? ""),
    ),
    columns.length,
  );
}

function rowOf(result: MemberRowResult): MemberRow {
  if (!result.ok) throw new Error(`expected a row, got the problem "${result.problem}"`);
  return result.row;
}

function problemOf(result: MemberRowResult): string {
  if (result.ok) throw new Error("expected a problem");
  return result.problem;
}

describe("a Ghost members row", () => {
  it("reads an ordinary member", () => {
    expect(
      rowOf(
        ghost({
          id: "5f1c",
          email: " Ann.Lee@Example.ORG ",
          name: "Ann Lee",
          subscribed_to_emails: "true",
          complimentary_plan: "false",
          created_at: "2021-03-04T10:20:30.000Z",
          labels: "vip,early",
        }),
      ),
    ).toEqual({
      line: 7,
      email: "ann.lee@example.org",
      name: "Ann Lee",
      createdAt: new Date("2021-03-04T10:20:30.000Z"),
      newsletters: true,
      comp: null,
      stripeCustomerId: null,
      paid: false,
    });
  });

  it("keeps an unsubscribe; reads empty cells as Ghost does (subscribed, not comped)", () => {
    expect(rowOf(ghost({ email: "a@example.org", subscribed_to_emails: "FALSE" })).newsletters).toBe(false);
    expect(rowOf(ghost({ email: "a@example.org" }))).toMatchObject({
      newsletters: true,
      comp: null,
      name: null,
      createdAt: null,
    });
  });

  it("reads comp without an end, from complimentary_plan or a comped status", () => {
    expect(rowOf(ghost({ email: "a@example.org", complimentary_plan: "true" })).comp).toEqual({ until: null });
    const withStatus = readMemberRow("ghost-members", record(["email", "status"], ["a@example.org", "comped"]), 2);
    expect(rowOf(withStatus).comp).toEqual({ until: null });
  });

  it("reads a paid member by their Stripe customer", () => {
    expect(rowOf(ghost({ email: "a@example.org", stripe_customer_id: "cus_Abc123" }))).toMatchObject({
      stripeCustomerId: "cus_Abc123",
      paid: true,
    });
  });

  it("takes off the quote Ghost puts before a name that looks like a formula", () => {
    expect(rowOf(ghost({ email: "a@example.org", name: "'=Ann" })).name).toBe("=Ann");
    expect(rowOf(ghost({ email: "a@example.org", name: "'Ann" })).name).toBe("'Ann");
  });

  it.each([
    [{ email: "not an address" }, '"not an address" is not an email address'],
    [{ email: "two@@example.org" }, '"two@@example.org" is not an email address'],
    [{ email: "a@example.org, b@example.org" }, "is not an email address"],
    [{ email: "   " }, "the row has no email address"],
    [{ email: "a@example.org", subscribed_to_emails: "maybe" }, 'subscribed_to_emails is "maybe", not true or false'],
    [{ email: "a@example.org", created_at: "yesterday" }, 'created_at is "yesterday", not a date'],
    [{ email: "a@example.org", created_at: "2021-02-30T00:00:00Z" }, "not a date"],
    [{ email: "a@example.org", stripe_customer_id: "sub_123" }, '"sub_123" is not a Stripe customer id'],
    [{ email: "a@example.org", deleted_at: "2022-01-01T00:00:00Z" }, "deleted at Ghost"],
  ])("reports %o", (fields, problem) => {
    expect(problemOf(ghost(fields))).toContain(problem);
  });

  it("reports a 10,000-character name, without quoting it whole", () => {
    const problem = problemOf(ghost({ email: "a@example.org", name: "n".repeat(10_000) }));
    expect(problem).toBe("the name is 10,000 characters long, more than the 191 a name may have");
  });

  it("quotes a long bad address shortened", () => {
    expect(problemOf(ghost({ email: "x".repeat(500) })).length).toBeLessThan(100);
  });

  it("reports a row with more or fewer fields than the header has columns", () => {
    expect(problemOf(ghost({ email: "a@example.org" }, ["surplus"]))).toBe(
      "the row has 12 fields where the first line has 11 columns",
    );
    const short = readMemberRow("ghost-members", record(GHOST, ["1", "a@example.org"]), GHOST.length);
    expect(problemOf(short)).toBe("the row has 2 fields where the first line has 11 columns");
  });
});

describe("a Substack subscriber row", () => {
  const base = { email: "b@example.org", active_subscription: "false", plan: "other", email_disabled: "false" };

  it("reads a free subscriber", () => {
    expect(rowOf(substack(SUBSTACK, { ...base, created_at: "2024-01-15T10:00:00.000Z" }))).toEqual({
      line: 7,
      email: "b@example.org",
      name: null,
      createdAt: new Date("2024-01-15T10:00:00.000Z"),
      newsletters: true,
      comp: null,
      stripeCustomerId: null,
      paid: false,
    });
  });

  it("turns newsletters off for email_disabled", () => {
    expect(rowOf(substack(SUBSTACK, { ...base, email_disabled: "true" })).newsletters).toBe(false);
  });

  it("reads comp and gift as comp until the expiry", () => {
    const comp = { ...base, active_subscription: "true", plan: "comp", expiry: "2027-06-01T00:00:00.000Z" };
    expect(rowOf(substack(SUBSTACK, comp)).comp).toEqual({ until: new Date("2027-06-01T00:00:00.000Z") });
    expect(rowOf(substack(SUBSTACK, { ...comp, plan: "gift" })).comp).toEqual({
      until: new Date("2027-06-01T00:00:00.000Z"),
    });
    expect(rowOf(substack(SUBSTACK, { ...comp, expiry: "" })).comp).toEqual({ until: null });
    expect(rowOf(substack(SUBSTACK, { ...comp, active_subscription: "false" })).comp).toBeNull();
  });

  it("reads a paying subscriber; without a Stripe customer the report is told", () => {
    const paid = rowOf(substack(SUBSTACK, { ...base, active_subscription: "true", plan: "yearly" }));
    expect(paid).toMatchObject({ paid: true, stripeCustomerId: null });
    expect(paid.warning).toContain("with no Stripe customer id: imported as a free reader");
    expect(rowOf(substack(SUBSTACK, { ...base, plan: "monthly" })).paid).toBe(false);
  });

  it("reads the older subscriber list, with its customer and type", () => {
    const row = rowOf(
      substack(SUBSTACK_OLD, {
        email: "c@example.org",
        expiry: "2026-07-06T16:20:44.000Z",
        email_disabled: "false",
        stripe_connected_customer_id: "cus_D5JgW66mn4j0BQ",
        type: "paid",
      }),
    );
    expect(row).toMatchObject({ paid: true, stripeCustomerId: "cus_D5JgW66mn4j0BQ", comp: null });
    expect(row.warning).toBeUndefined();
  });

  it("leaves out a reader who asked Substack to delete their data", () => {
    expect(problemOf(substack(SUBSTACK, { ...base, email: "x123@deletion-request.substack.com" }))).toContain(
      "asked Substack to delete",
    );
  });

  it("reports a bad address with the value", () => {
    expect(problemOf(substack(SUBSTACK, { ...base, email: "non-una-email" }))).toBe(
      '"non-una-email" is not an email address',
    );
  });
});

describe("parseSourceDate", () => {
  it.each([
    ["2021-03-04T10:20:30.000Z", "2021-03-04T10:20:30.000Z"],
    ["2021-03-04T10:20:30.123456Z", "2021-03-04T10:20:30.123Z"],
    ["2021-03-04 10:20:30", "2021-03-04T10:20:30.000Z"],
    ["2021-03-04 10:20:30 UTC", "2021-03-04T10:20:30.000Z"],
    ["2021-03-04T10:20:30+02:00", "2021-03-04T08:20:30.000Z"],
    ["2021-03-04T10:20:30-0500", "2021-03-04T15:20:30.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(parseSourceDate(text)?.toISOString()).toBe(iso);
  });

  it.each(["", "yesterday", "2023-02-29", "2021-13-01", "2021-03-04T25:00:00Z", "04/03/2021", "1614853230"])(
    "refuses %j",
    (text) => {
      expect(parseSourceDate(text)).toBeNull();
    },
  );
});

describe("memberRowHash", () => {
  const row = rowOf(ghost({ email: "a@example.org", name: "Ann", created_at: "2021-03-04T10:20:30.000Z" }));

  it("is the same for the same row on another line, and changes with what is imported", () => {
    expect(memberRowHash("ghost-members", { ...row, line: 99 })).toBe(memberRowHash("ghost-members", row));
    expect(memberRowHash("ghost-members", { ...row, newsletters: false })).not.toBe(
      memberRowHash("ghost-members", row),
    );
    expect(memberRowHash("ghost-members", { ...row, comp: { until: null } })).not.toBe(
      memberRowHash("ghost-members", row),
    );
    expect(memberRowHash("substack-subscribers", row)).not.toBe(memberRowHash("ghost-members", row));
  });
});

describe("importedCompUntil", () => {
  const now = new Date("2026-12-10T12:00:00Z");

  it("gives Ghost's endless comp the end of 2099 in the publication's time zone", () => {
    expect(importedCompUntil({ until: null }, "UTC", now)).toEqual(new Date("2100-01-01T00:00:00Z"));
    expect(importedCompUntil({ until: null }, "America/New_York", now)).toEqual(new Date("2100-01-01T05:00:00Z"));
  });

  it("keeps Substack's expiry, and grants nothing for one that has passed or no comp", () => {
    const until = new Date("2027-06-01T00:00:00Z");
    expect(importedCompUntil({ until }, "UTC", now)).toEqual(until);
    expect(importedCompUntil({ until: new Date("2026-01-01T00:00:00Z") }, "UTC", now)).toBeNull();
    expect(importedCompUntil(null, "UTC", now)).toBeNull();
  });
});
