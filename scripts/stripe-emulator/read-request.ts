// Reads a request body and parses parameters: qs bracket style for the API
// (how the SDK encodes), JSON when the test controls are sent JSON.
import type { IncomingMessage } from "node:http";
import qs from "qs";
import type { Params } from "./request-params";
import { invalidRequest } from "./stripe-error";

const maxBodyBytes = 1_000_000;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw invalidRequest("Request body too large.");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseQuery(query: string): Params {
  return qs.parse(query, { arrayLimit: 100, depth: 10, parameterLimit: 10_000 }) as Params;
}

export function parseBody(body: string, contentType: string | undefined): Params {
  if (body.trim() === "") return {};
  if (contentType?.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw invalidRequest("Invalid JSON body.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw invalidRequest("The JSON body must be an object.");
    return parsed as Params;
  }
  return parseQuery(body);
}
