// Reading Stripe-style parameters. The SDK form-encodes bodies and query
// strings in qs bracket style (`metadata[plan]=x`, `expand[0]=customer`),
// so every value arrives as a string, a nested object or an array; test
// controls may send JSON instead, so numbers and booleans are accepted too.
import { invalidParam, missingParam } from "./stripe-error";
import type { Metadata } from "./stripe-objects";

export type Params = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `name` may be a bracket path such as `line_items[0][price]`. */
function lookup(params: Params, name: string): unknown {
  const keys = name.replace(/\]/g, "").split("[");
  let value: unknown = params;
  for (const key of keys) {
    if (Array.isArray(value)) value = value[Number(key)];
    else if (isRecord(value)) value = value[key];
    else return undefined;
  }
  return value;
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = lookup(params, name);
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw invalidParam(name, `Invalid string: ${JSON.stringify(value)}`, "parameter_invalid_string");
}

/** Empty counts as missing: Stripe treats `param=` as "not given" for required params. */
export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === "") throw missingParam(name);
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = lookup(params, name);
  if (value === undefined) return undefined;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw invalidParam(name, `Invalid boolean: ${String(value)}`, "parameter_invalid_boolean");
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = lookup(params, name);
  if (value === undefined || value === "") return undefined;
  const number =
    typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) {
    throw invalidParam(name, `Invalid integer: ${String(value)}`, "parameter_invalid_integer");
  }
  return number;
}

/** A list parameter: `x[0]=a&x[1]=b`, `x[]=a`, or a single `x=a`. */
export function stringList(params: Params, name: string): string[] | undefined {
  const value = lookup(params, name);
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : [value];
  return items.map((item) => {
    if (typeof item !== "string") throw invalidParam(name, `Invalid array of strings: ${JSON.stringify(value)}`);
    return item;
  });
}

export function expandList(params: Params): string[] {
  return stringList(params, "expand") ?? [];
}

/**
 * Applies a `metadata` parameter the way Stripe does: keys merge into the
 * existing metadata, a key set to "" is removed, and `metadata=` clears all.
 */
export function mergeMetadata(current: Metadata, params: Params, name = "metadata"): Metadata {
  const value = lookup(params, name);
  if (value === undefined) return current;
  if (value === "") return {};
  if (!isRecord(value)) throw invalidParam(name, "Invalid object", "parameter_invalid_object");
  const merged = { ...current };
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== "string" && typeof item !== "number") throw invalidParam(`${name}[${key}]`, "Invalid string");
    if (item === "") delete merged[key];
    else merged[key] = String(item);
  }
  return merged;
}
