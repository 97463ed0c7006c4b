// The synthetic Ghost export for the import benchmark. It lives with the Ghost
// fixtures because the reader's unit test in lib/ streams one too, and lib/
// may import test/fixtures but not scripts/ (docs/architecture.md).
export { writeGhostExport, type GhostExportOptions } from "@/test/fixtures/import/ghost/generate-ghost-export";
