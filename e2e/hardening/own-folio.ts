// The hardening specs check that a barrage of hostile requests changes nothing
// in the database, so no other test may write to it meanwhile. On a
// PostgreSQL server each worker of theirs gets a Folio of its own: a database
// cloned from the run's freshly seeded template (scripts/test.ts makes it)
// and a web server on it, so they run beside the rest of the suite. On the
// embedded database (no templates) they use the run's server, and
// scripts/test.ts runs them after everything else instead.
import { randomBytes } from "node:crypto";
import { test as base } from "@playwright/test";
import pg from "pg";
import globalSetup from "../global-setup";
import { startAppServer } from "./app-server";
import { spareWebPort } from "./spare-ports";

export { expect } from "@playwright/test";

type OwnFolio = { baseURL: string } | null;

async function onServer(url: string, statement: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export const test = base.extend<object, { ownFolio: OwnFolio }>({
  ownFolio: [
    async ({}, provide, workerInfo) => {
      const template = process.env.FOLIO_TEST_TEMPLATE_URL;
      if (!template) return provide(null);
      const name = `${decodeURIComponent(new URL(template).pathname.slice(1))}_w${workerInfo.parallelIndex}_${randomBytes(3).toString("hex")}`;
      const templateName = decodeURIComponent(new URL(template).pathname.slice(1));
      await onServer(template, `CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
      const databaseUrl = new URL(template);
      databaseUrl.pathname = `/${name}`;
      const port = spareWebPort(40 + workerInfo.parallelIndex);
      // In this worker, "the run's database and server" are this Folio's:
      // e2e/database.ts and raw-request.ts read these, and so does global-setup.
      process.env.DATABASE_URL = databaseUrl.toString();
      process.env.E2E_PORT = String(port);
      await globalSetup();
      const server = await startAppServer(`hardening-${workerInfo.parallelIndex}`, port, {
        DATABASE_URL: databaseUrl.toString(),
        // No job runner: its start-up work (the Reviews' draft issues) would
        // write to the database between a spec's "before" and "after".
        JOBS: "off",
      });
      try {
        await provide({ baseURL: server.url });
      } finally {
        await server.stop();
        await onServer(template, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    },
    { scope: "worker", auto: true },
  ],
  baseURL: async ({ ownFolio, baseURL }, provide) => provide(ownFolio?.baseURL ?? baseURL),
});
