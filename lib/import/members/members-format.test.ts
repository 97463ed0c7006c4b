import { describe, expect, it } from "vitest";
import { ImportFileError } from "../import-source";
import { detectMembersFormat } from "./members-format";

const GHOST =
  "id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,deleted_at,labels,tiers";
const SUBSTACK = "email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at";

function refusal(header: string): string {
  try {
    detectMembersFormat(header.split(","));
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as Error).message;
  }
  throw new Error(`${header} was taken for a members CSV`);
}

describe("detectMembersFormat", () => {
  it.each([
    ["Ghost's export today", GHOST, "ghost-members"],
    ["Ghost's export with gift_id (Ghost 6)", `${GHOST},gift_id`, "ghost-members"],
    ["Ghost's export before tiers (products)", GHOST.replace("tiers", "products"), "ghost-members"],
    ["a Ghost CSV trimmed to two columns", "email,subscribed_to_emails", "ghost-members"],
    ["Substack's email list", SUBSTACK, "substack-subscribers"],
    ["Substack's email list with more columns", `${SUBSTACK},name,country,subscription_source`, "substack-subscribers"],
    [
      "Substack's older subscriber list",
      "email,expiry,email_disabled,stripe_connected_customer_id,type",
      "substack-subscribers",
    ],
    ["a header with spaces and capitals", " Email , Subscribed_To_Emails ,Name", "ghost-members"],
  ])("knows %s", (_label, header, format) => {
    expect(detectMembersFormat(header.split(","))).toBe(format);
  });

  it("refuses a CSV without an email column, naming the columns it has", () => {
    const message = refusal("address,name,created_at");
    expect(message).toMatch(/^This is not a Ghost members CSV or a Substack subscriber CSV: /);
    expect(message).toContain('no "email" column');
    expect(message).toContain('"address", "name", "created_at"');
  });

  it("refuses a semicolon-separated file, whose header is one column", () => {
    expect(refusal("email;name;subscribed_to_emails")).toContain('"email;name;subscribed_to_emails"');
  });

  it("refuses a CSV with an email column that is neither platform's", () => {
    expect(refusal("email,first_name,last_name")).toContain("none of Ghost's");
  });

  it("refuses a header with columns of both platforms, or one named twice", () => {
    expect(refusal("email,subscribed_to_emails,email_disabled")).toContain("both");
    expect(refusal("email,name,email,subscribed_to_emails")).toContain('"email" appears twice');
  });

  it("shortens a long header in its message", () => {
    const columns = Array.from({ length: 30 }, (_, index) => `column_${index}`).join(",");
    expect(refusal(columns)).toContain("and 22 more");
  });
});
