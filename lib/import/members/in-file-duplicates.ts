// Rows that repeat an earlier row of the same file: the same address, or
// another address with the same Stripe customer. The first is imported, the
// repeat is a problem naming both lines. Every address is remembered (a few
// dozen bytes each) for the length of the import.
import type { MemberRow } from "./member-row";

export class InFileDuplicates {
  private readonly emails = new Map<string, number>();
  private readonly customers = new Map<string, { line: number; email: string }>();

  /** Why `row` repeats an earlier one, or null (it is remembered then). */
  check(row: MemberRow): string | null {
    const earlier = this.emails.get(row.email);
    if (earlier !== undefined) return `${row.email} is also on line ${earlier}: only line ${earlier} is imported`;
    this.emails.set(row.email, row.line);
    const customer = row.stripeCustomerId;
    if (!customer) return null;
    const other = this.customers.get(customer);
    if (other) return `Stripe customer ${customer} is also on line ${other.line} (${other.email}): not imported`;
    this.customers.set(customer, { line: row.line, email: row.email });
    return null;
  }
}
