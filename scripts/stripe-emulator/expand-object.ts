// `expand[]`: replaces an id in the response with the object it names.
// Paths are dotted (`data.product` on a list, `subscription.latest_invoice`
// on a session, `discounts.source.coupon` over a list of ids); the object
// type is found from the id's prefix, as every expandable field here holds
// one kind of object, except coupons, whose ids are the publisher's own
// ("SPRING-5") and are found by the field's name. The stored objects are
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
  promo: "promotionCodes",
  di: "discounts",
};

function lookupById(state: EmulatorState, id: string, field: string): unknown {
  if (field === "coupon") return state.coupons[id];
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
  const expandId = (id: unknown) => {
    if (typeof id !== "string") return id;
    const found = lookupById(state, id, field);
    if (found === undefined) throw invalidParam("expand", `This property cannot be expanded (${fullPath}).`);
    return structuredClone(found);
  };
  const child = node[field];
  const value = Array.isArray(child) ? child.map(expandId) : expandId(child);
  node[field] = expandPath(state, value, rest, fullPath);
  return node;
}

export function expandObject<T>(state: EmulatorState, value: T, paths: string[]): T {
  if (paths.length === 0) return value;
  let result: unknown = structuredClone(value);
  for (const path of paths) result = expandPath(state, result, path.split("."), path);
  return result as T;
}
