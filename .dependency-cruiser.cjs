// The direction of dependencies in lib/ (docs/architecture.md), checked by
// `npm run deps` (dependency-cruiser). lib/ folders sit in layers, lowest
// first; a folder may import folders of lower layers only, never one of its
// own layer or above. A cycle between folders would need an import upwards,
// so the layers also rule out cycles between folders; cycles between single
// modules are ruled out on their own. Nothing in lib/ imports the app, the
// components, the server, the scripts or the end-to-end tests.
//
// A new folder in lib/ must be placed in LAYERS before anything may import it.

/** lib/ folders, lowest layer first. Folders in one layer do not import each other. */
const LAYERS = [
  ["config", "text", "observability", "calendar"],
  ["http", "db"],
  ["cache", "jobs", "media", "insights"],
  ["mail"],
  ["auth"],
  ["audit", "billing", "articles"],
  ["access"],
  ["account", "gifts"],
  ["search", "organisations"],
  ["newsletters", "feeds"],
  ["newsroom", "welcome"],
  ["import"],
  ["workers"],
];

const FOLDERS = LAYERS.flat();
const folderPath = (folders) => `^lib/(${folders.join("|")})/`;

/** For each folder: the folders it may not import (its own layer's others, and every layer above). */
const layerRules = LAYERS.flatMap((layer, index) =>
  layer.map((folder) => {
    const forbidden = [...layer.filter((peer) => peer !== folder), ...LAYERS.slice(index + 1).flat()];
    return { folder, forbidden };
  }),
)
  .filter(({ forbidden }) => forbidden.length > 0)
  .map(({ folder, forbidden }) => ({
    name: `lib-layers-${folder}`,
    comment: `lib/${folder} may import only lower layers of lib/ (docs/architecture.md): not ${forbidden.join(", ")}.`,
    severity: "error",
    from: { path: `^lib/${folder}/` },
    to: { path: folderPath(forbidden) },
  }));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "lib-folder-without-layer",
      comment: "Every folder of lib/ has a place in the layers (.dependency-cruiser.cjs, docs/architecture.md).",
      severity: "error",
      from: { path: "^lib/", pathNot: folderPath(FOLDERS) },
      to: {},
    },
    {
      name: "lib-folder-without-layer-imported",
      comment: "Every folder of lib/ has a place in the layers (.dependency-cruiser.cjs, docs/architecture.md).",
      severity: "error",
      from: {},
      to: { path: "^lib/", pathNot: [folderPath(FOLDERS), "^lib/db/generated/"] },
    },
    {
      name: "lib-folder-without-layer-alone",
      comment: "Every folder of lib/ has a place in the layers, also one whose modules import nothing yet.",
      severity: "error",
      from: { path: "^lib/", pathNot: folderPath(FOLDERS), orphan: true },
      to: {},
    },
    {
      name: "lib-imports-no-outer-code",
      comment: "lib/ is the domain: it imports neither app, components, server, scripts nor e2e (tests in lib/ count).",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|server|scripts|e2e)/" },
    },
    {
      name: "lib-no-circular",
      comment: "No import cycle between modules of lib/.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^lib/", circular: true },
    },
  ],
  options: {
    // Type-only imports count: they tie a folder to another as much as any.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Outer code and packages are leaves: only what lib/ imports matters here.
    doNotFollow: { path: ["node_modules", "^(app|components|server|scripts|e2e|test)/"] },
    // Prisma's generated client is not ours to order.
    exclude: { path: "^lib/db/generated/" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".mjs", ".js", ".d.ts"] },
  },
};
