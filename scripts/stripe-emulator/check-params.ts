// Checks a request's parameters against its route's schema and turns the
// first problem into the error Stripe would answer: an unknown name is
// parameter_unknown, named in bracket form (`line_items[0][pricee]`) as the
// SDK sent it.
import type { z } from "zod";
import type { Params } from "./request-params";
import { invalidRequest, StripeApiError } from "./stripe-error";

type Issue = z.core.$ZodIssue;

/** ["line_items", 0, "price"] -> "line_items[0][price]" */
function paramName(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  return `${first ?? ""}${rest.map((key) => `[${key}]`).join("")}`;
}

function unknownParam(name: string): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    code: "parameter_unknown",
    param: name,
    message: `Received unknown parameter: ${name}`,
  });
}

function notEmulatedParam(name: string): StripeApiError {
  return invalidRequest(
    `Received parameter ${name}, which Stripe accepts but the Stripe emulator does not implement; see scripts/stripe-emulator/README.md.`,
    name,
  );
}

function invalidShape(issue: Issue): StripeApiError {
  const name = paramName(issue.path);
  if (issue.code === "invalid_type" && issue.expected === "array") return invalidRequest("Invalid array", name);
  if (issue.code === "invalid_type" && issue.expected === "object") return invalidRequest("Invalid hash", name);
  return invalidRequest(`Invalid value for ${name}.`, name);
}

export function checkParams(schema: z.ZodType, params: Params): void {
  const result = schema.safeParse(params);
  if (result.success) return;
  const { issues } = result.error;
  const unknown = issues.find((issue) => issue.code === "unrecognized_keys");
  if (unknown) throw unknownParam(paramName([...unknown.path, unknown.keys[0]!]));
  const refused = issues.find((issue) => issue.code === "custom" && issue.params?.notEmulated === true);
  if (refused) throw notEmulatedParam(paramName(refused.path));
  throw invalidShape(issues[0]!);
}
