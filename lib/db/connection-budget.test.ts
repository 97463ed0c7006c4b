import { describe, expect, it } from "vitest";
import { InvalidSettingsError, MIN_DB_CONNECTIONS, parseEnv } from "@/lib/config/env";
import {
  CACHE_LISTENER_CONNECTIONS,
  checkEmbeddedBudget,
  EMBEDDED_MAX_CONNECTIONS,
  EMBEDDED_RESERVE,
  splitConnections,
} from "./connection-budget";

describe("splitConnections", () => {
  it.each([
    [5, { app: 2, jobs: 2, cacheListener: 1 }],
    [12, { app: 9, jobs: 2, cacheListener: 1 }],
    [40, { app: 37, jobs: 2, cacheListener: 1 }],
  ])("splits %i connections between the pools, adding up to the whole", (total, split) => {
    const budget = splitConnections(total);
    expect(budget).toEqual({ total, ...split });
    expect(budget.app + budget.jobs + budget.cacheListener).toBe(total);
  });

  it("gives the cache invalidation listener exactly one connection", () => {
    expect(CACHE_LISTENER_CONNECTIONS).toBe(1);
    expect(splitConnections(12).cacheListener).toBe(1);
  });

  it.each([0, 4, 7.5, -12])("refuses %s connections", (total) => {
    expect(() => splitConnections(total)).toThrow(RangeError);
  });
});

describe("FOLIO_DB_CONNECTIONS", () => {
  it("is 12 unless set, and at most 12 by default", () => {
    expect(parseEnv({}).FOLIO_DB_CONNECTIONS).toBe(12);
    expect(parseEnv({ FOLIO_DB_CONNECTIONS: "30" }).FOLIO_DB_CONNECTIONS).toBe(30);
  });

  it.each(["4", "0", "many", "2.5", "5000"])("stops on %j and names the setting", (value) => {
    expect(() => parseEnv({ FOLIO_DB_CONNECTIONS: value })).toThrow(InvalidSettingsError);
    expect(() => parseEnv({ FOLIO_DB_CONNECTIONS: value })).toThrow(/\bFOLIO_DB_CONNECTIONS\b/);
  });

  it("lets the smallest allowed budget be split", () => {
    const total = parseEnv({ FOLIO_DB_CONNECTIONS: String(MIN_DB_CONNECTIONS) }).FOLIO_DB_CONNECTIONS;
    expect(splitConnections(total).app).toBeGreaterThanOrEqual(2);
  });
});

describe("the embedded database", () => {
  it("has room for the default budget, a second server's, and the scripts and tests beside them", () => {
    const defaultBudget = parseEnv({}).FOLIO_DB_CONNECTIONS;
    expect(2 * defaultBudget + EMBEDDED_RESERVE).toBeLessThanOrEqual(EMBEDDED_MAX_CONNECTIONS);
    expect(() => checkEmbeddedBudget(defaultBudget)).not.toThrow();
  });

  it("refuses a budget that would leave no room for the scripts", () => {
    expect(() => checkEmbeddedBudget(EMBEDDED_MAX_CONNECTIONS - EMBEDDED_RESERVE + 1)).toThrow(/FOLIO_DB_CONNECTIONS/);
  });
});
