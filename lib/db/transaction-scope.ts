// No call to an outside service (Stripe, an SMTP server, any HTTP API) while
// a database transaction is open: a slow service would hold a pooled
// connection, and the locks the transaction took, for as long as it is slow,
// and a few slow calls would empty the pool for every page. Read from the
// service first, then write in a short transaction; or write, commit, then
// call.
//
// The rule is checked where it can be, at run time: db().$transaction runs
// its callback inside a scope, and the one module that talks to each outside
// service (lib/billing/stripe-client.ts, lib/mail/send-mail.ts) asks
// assertNoTransaction() before every request. A call made from anywhere inside
// a transaction, however many functions deep, then fails in the tests that
// reach it, instead of holding connections in production.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "./generated/client";

/** Thrown when code inside a database transaction calls an outside service. */
export class OutsideCallInTransactionError extends Error {}

// On globalThis: Next.js bundles this module into several chunks, and the
// client that opens a transaction (db(), one per process) and the Stripe or
// mail client that checks must share one scope whichever chunk built them.
const globalForScope = globalThis as unknown as { folioTransactionScope?: AsyncLocalStorage<string> };
const scope = (globalForScope.folioTransactionScope ??= new AsyncLocalStorage<string>());

/** Throws when a database transaction is open in the calling code's async context. */
export function assertNoTransaction(service: string): void {
  if (scope.getStore() === undefined) return;
  throw new OutsideCallInTransactionError(
    `${service} was called inside an open database transaction: call it before the transaction or after it commits`,
  );
}

/** Runs `work` as code inside a transaction (what db().$transaction does with its callback). */
export function insideTransaction<T>(work: () => T): T {
  return scope.run("transaction", work);
}

/** Makes `client.$transaction(callback)` run its callback inside the scope. */
export function guardTransactions(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const guarded = (first: unknown, ...rest: unknown[]) =>
    typeof first === "function"
      ? transaction((tx: unknown) => insideTransaction(() => (first as (tx: unknown) => unknown)(tx)), ...rest)
      : transaction(first, ...rest);
  Object.defineProperty(client, "$transaction", { value: guarded, configurable: true, writable: true });
  return client;
}
