// `npx tsx scripts/lib/record-build.ts`, after `npm run build`: marks that
// build as current (ensure-build.ts), so that `npm run test:e2e` uses it
// instead of building again. .ci/run runs it in its build stage.
import path from "node:path";
import { recordBuild } from "./ensure-build";

recordBuild(path.resolve(import.meta.dirname, "../.."));
