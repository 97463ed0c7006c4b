// GET /v1/customers/search: Stripe's search query language, the part that
// applies to customers. A query is clauses joined by AND or by OR (not
// both, at most ten), each `field:value` (exact, case-insensitive),
// `field~value` (contains, at least three characters), a comparison on
// `created`, or any of them negated with a leading `-`. Fields: email,
// name, phone, created and metadata['key']. Values are quoted ('…' or "…")
// except numbers. Anything else is refused as Stripe refuses it, naming
// `query`.
import { invalidRequest } from "./stripe-error";
import type { CustomerObject } from "./stripe-objects";

type Clause = { negated: boolean; field: string; metadataKey?: string; operator: string; value: string };

const clausePattern =
  /^(-?)(email|name|phone|created|metadata\[(?:'([^']*)'|"([^"]*)")\]|[a-z_.]+)(:|~|>=|<=|>|<)(?:'([^']*)'|"([^"]*)"|(-?\d+))$/;

function invalidQuery(message: string) {
  return invalidRequest(message, "query");
}

function parseClause(text: string): Clause {
  const match = clausePattern.exec(text);
  if (!match)
    throw invalidQuery(
      `We could not parse your search query: ${text}. See https://stripe.com/docs/search#search-query-language.`,
    );
  const [, minus, rawField, singleKey, doubleKey, operator, single, double, number] = match;
  const field = rawField!.startsWith("metadata[") ? "metadata" : rawField!;
  if (!["email", "name", "phone", "created", "metadata"].includes(field)) {
    throw invalidQuery(
      `Field '${field}' is an unsupported search field for resource customers. See https://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.`,
    );
  }
  const value = single ?? double ?? number!;
  const numeric = field === "created";
  if (numeric !== (number !== undefined) || (numeric ? operator === "~" : operator !== ":" && operator !== "~")) {
    throw invalidQuery(`The operator ${operator} cannot be used with the value ${value} on the field ${field}.`);
  }
  if (operator === "~" && (field === "metadata" || value.length < 3)) {
    throw invalidQuery("The ~ operator needs a field other than metadata and a value of at least 3 characters.");
  }
  return { negated: minus === "-", field, metadataKey: singleKey ?? doubleKey, operator: operator!, value };
}

/** Splits on AND / OR outside quotes. */
function splitQuery(query: string): { clauses: string[]; joiners: string[] } {
  const tokens = query.trim().match(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [];
  const clauses: string[] = [];
  const joiners: string[] = [];
  tokens.forEach((token, index) => {
    if (index % 2 === 1) joiners.push(token);
    else clauses.push(token);
  });
  return { clauses, joiners };
}

function fieldValue(customer: CustomerObject, clause: Clause): string | number | null {
  if (clause.field === "metadata") return customer.metadata[clause.metadataKey ?? ""] ?? null;
  return customer[clause.field as "email" | "name" | "phone" | "created"] ?? null;
}

function matches(customer: CustomerObject, clause: Clause): boolean {
  const actual = fieldValue(customer, clause);
  let result: boolean;
  if (actual === null) result = false;
  else if (typeof actual === "number") {
    const expected = Number(clause.value);
    const compare = { ":": actual === expected, ">": actual > expected, "<": actual < expected };
    result =
      clause.operator === ">="
        ? actual >= expected
        : clause.operator === "<="
          ? actual <= expected
          : compare[clause.operator as ":" | ">" | "<"];
  } else if (clause.operator === "~") result = actual.toLowerCase().includes(clause.value.toLowerCase());
  else result = actual.toLowerCase() === clause.value.toLowerCase();
  return clause.negated ? !result : result;
}

/** A predicate for the query, or a StripeApiError for one Stripe would refuse. */
export function customerQuery(query: string): (customer: CustomerObject) => boolean {
  const { clauses, joiners } = splitQuery(query);
  if (clauses.length === 0 || clauses.length !== joiners.length + 1)
    throw invalidQuery("The search query is empty or incomplete.");
  if (joiners.some((joiner) => joiner !== "AND" && joiner !== "OR"))
    throw invalidQuery(`Clauses are joined by AND or OR: ${query}`);
  if (new Set(joiners).size > 1) throw invalidQuery("A search query cannot combine AND and OR.");
  if (clauses.length > 10) throw invalidQuery("A search query has at most 10 clauses.");
  const parsed = clauses.map(parseClause);
  return joiners[0] === "OR"
    ? (customer) => parsed.some((clause) => matches(customer, clause))
    : (customer) => parsed.every((clause) => matches(customer, clause));
}
