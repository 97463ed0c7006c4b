// The server actions of the build (.next/server/server-reference-manifest.json):
// their ids, the file that defines them and a page they can be posted to.
import { readFileSync } from "node:fs";
import path from "node:path";
import { classify, samplesOf, type DiscoveredRoute } from "./route-inventory";

export type ServerAction = { id: string; file: string; name: string; path: string };

type Manifest = {
  node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
};

export function serverActions(): ServerAction[] {
  const file = path.resolve(import.meta.dirname, "../../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  return Object.entries(manifest.node).flatMap(([id, entry]) => {
    // A page that includes the action: its worker "app/x/[slug]/page" is the pattern /x/[slug].
    const page = Object.keys(entry.workers)
      .map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/")
      .find((pattern) => classify(pattern));
    if (!page || !entry.filename) return [];
    const route: DiscoveredRoute = { pattern: page, kind: "page", file: entry.filename, methods: ["POST"] };
    return [{ id, file: entry.filename, name: entry.exportedName ?? "?", path: samplesOf(route)[0]! }];
  });
}
