// Ports for the servers the hardening tests start themselves, derived from
// the run's E2E_PORT so that two test runs on one machine do not collide:
// web servers at E2E_PORT + 51.. (or E2E_SPARE_WEB_PORT..), private
// PostgreSQL clusters at 55x0.. . Web server indexes in use: 0 to 3 the
// faults project, 20 to 22 two-servers, 30 the connection budget, 35 media
// on S3, 37 organisations' IP ranges, 40 and up one per hardening worker (own-folio.ts). Tests of these
// run at the same time, so no two may share an index.
const e2ePort = Number(process.env.E2E_PORT ?? 3100);

export function spareWebPort(index: number): number {
  return Number(process.env.E2E_SPARE_WEB_PORT ?? e2ePort + 51) + index;
}

export function sparePostgresPort(index: number): number {
  return 5500 + Math.round((e2ePort - 3000) / 10) + index;
}
