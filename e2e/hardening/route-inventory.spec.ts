// The route inventory the bypass and fuzz tests walk: every page, handler and
// server-action file under app/ is classified, and the table names no route
// that no longer exists.
import { expect, test } from "@playwright/test";
import { CLASSIFICATION, classify, discoverRoutes } from "./route-inventory";
import { serverActions } from "./server-actions";

test("every route under app/ is classified", () => {
  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const unclassified = routes.filter((route) => route.kind !== "actions" && !classify(route.pattern));
  expect(
    unclassified.map((route) => `${route.pattern} (${route.file})`),
    "add these to CLASSIFICATION in e2e/hardening/route-inventory.ts",
  ).toEqual([]);
});

test("the classification names only routes that exist", () => {
  const patterns = new Set(discoverRoutes().map((route) => route.pattern));
  expect(Object.keys(CLASSIFICATION).filter((pattern) => !patterns.has(pattern))).toEqual([]);
});

test("route handlers export methods, and every server-action file is in the build", () => {
  const routes = discoverRoutes();
  for (const route of routes.filter((candidate) => candidate.kind === "handler")) {
    expect(route.methods, route.file).not.toEqual([]);
  }
  const actionFiles = new Set(serverActions().map((action) => action.file));
  for (const route of routes.filter((candidate) => candidate.kind === "actions")) {
    expect(actionFiles.has(route.file), `${route.file} has no server action a page can call`).toBe(true);
  }
});
