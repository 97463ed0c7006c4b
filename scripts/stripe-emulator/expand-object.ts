// `expand[]`: replaces an id in the response with the object it names.
// Paths are dotted (`data.product` on a list, `subscription.latest_invoice`
// on a session); the object type is found from the id's prefix, as every
// expandable field here holds one kind of object. The stored objects are
// never touched: expansion works on a copy.
import type { EmulatorState } from "./emulator-state";
import { isRecord } from "./request-params";
import { invalidParam } from "./stripe-error";

const collections: Record<string, keyof EmulatorState> = {
  cus: "customers",
  prod: "products",
  price: "prices",
  sub: "subscriptions",
  in: "invoices",
  cs: "checkoutSessions",
  bps: "portalSessions",
  evt: "events",
};

function lookupById(state: EmulatorState, id: string): unknown {
  const prefix = id.slice(0, id.indexOf("_"));
  // Seeded catalogue ids (price_all_access_monthly) keep the prefix rule too.
  const collection = collections[prefix];
  if (!collection) return undefined;
  return (state[collection] as Record<string, unknown>)[id];
}

function expandPath(state: EmulatorState, node: unknown, path: string[], fullPath: string): unknown {
  const [field, ...rest] = path;
  if (field === undefined) return node;
  if (Array.isArray(node)) return node.map((entry) => expandPath(state, entry, path, fullPath));
  if (!isRecord(node)) return node;
  if (!(field in node)) throw invalidParam("expand", `This property cannot be expanded (${field}).`);
  let child = node[field];
  if (typeof child === "string") {
    const found = lookupById(state, child);
    if (found === undefined) throw invalidParam("expand", `This property cannot be expanded (${fullPath}).`);
    child = structuredClone(found);
  }
  node[field] = expandPath(state, child, rest, fullPath);
  return node;
}

export function expandObject<T>(state: EmulatorState, value: T, paths: string[]): T {
  if (paths.length === 0) return value;
  let result: unknown = structuredClone(value);
  for (const path of paths) result = expandPath(state, result, path.split("."), path);
  return result as T;
}
