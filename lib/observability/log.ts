// Structured logs: one JSON object per line on stdout, with the request id
// of the request being handled (see request-context.ts), so a failure can be
// traced from the access log line to the error. Every string is redacted.
import { format } from "node:util";
import { currentRequestContext } from "./request-context";
import { redact } from "./redact";

export type LogLevel = "info" | "warn" | "error";
export type Fields = Record<string, string | number | boolean | null | undefined>;

function clean(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, typeof value === "string" ? redact(value) : value]),
  );
}

/** Writes one log line: `event` names what happened, `fields` say the rest. */
export function log(level: LogLevel, event: string, fields: Fields = {}): void {
  const requestId = currentRequestContext()?.requestId;
  const line = { time: new Date().toISOString(), level, event, ...(requestId ? { requestId } : {}), ...clean(fields) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** An error's class and message (redacted), never its arguments or data. */
export function describeError(error: unknown): Fields {
  if (error instanceof Error) return { error: error.name, message: error.message };
  return { message: format(error) };
}
