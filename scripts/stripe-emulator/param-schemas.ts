// The parameters each endpoint takes, as zod schemas, checked before its
// handler runs. Stripe answers a parameter it does not know with 400
// parameter_unknown; an emulator that ignored it would let a misspelt
// `succes_url` pass every test and fail in production. The names come from
// Stripe's API reference (stripe-node's *CreateParams, *UpdateParams and
// *ListParams types). Parameters Stripe has but the emulator does not act on
// are named as `notEmulated`: refused with a message saying so, rather than
// ignored, so that no test relies on a behaviour the emulator lacks. Values
// are checked for their shape here (a hash, a list, a single value) and
// for their meaning by the handlers (request-params.ts).
import { z } from "zod";
import { isRecord } from "./request-params";

/** One value: the SDK form-encodes each as a string; test controls may send JSON numbers and booleans. */
export const value = z.union([z.string(), z.number(), z.boolean()]);

/** `metadata`: free-form keys, as on Stripe, or "" to clear it. */
export const metadata = z.union([z.literal(""), z.record(z.string(), z.union([z.string(), z.number()]))]);

/**
 * A list: `x[0]=a&x[1]=b` and `x[]=a` parse as arrays; beyond qs's array
 * limit an index-keyed object arrives instead, read as the same list.
 */
export function list<T extends z.ZodType>(item: T) {
  const indexed = (input: unknown) =>
    isRecord(input) && Object.keys(input).every((key) => /^\d+$/.test(key))
      ? Object.entries(input)
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([, entry]) => entry)
      : input;
  return z.preprocess(indexed, z.array(item));
}

/** `expand[]`, taken by every endpoint but the events'. */
export const expand = list(z.string());

/** Cursor pagination, taken by every list endpoint (list-page.ts). */
export const pagination = { limit: value, starting_after: value, ending_before: value };

/** Marks a parameter the emulator does not implement; refused when present (check-params.ts). */
const notEmulated = z
  .unknown()
  .refine(() => false, { params: { notEmulated: true } })
  .optional();

export type ParamShape = Record<string, z.ZodType>;

/**
 * The parameters of an endpoint or of a hash inside one: every name in
 * `shape` is optional (the handlers say what is required and answer
 * parameter_missing, as Stripe does), any other name is unknown.
 */
export function params(shape: ParamShape, options: { notEmulated?: readonly string[] } = {}) {
  const optional = Object.fromEntries(Object.entries(shape).map(([name, schema]) => [name, schema.optional()]));
  const refused = Object.fromEntries((options.notEmulated ?? []).map((name) => [name, notEmulated]));
  return z.strictObject({ ...refused, ...optional });
}

/** An endpoint that takes no parameters at all (Stripe's `DELETE /v1/customers/:id`, most test controls). */
export const noParams = params({});

export const retrieveParams = params({ expand });
