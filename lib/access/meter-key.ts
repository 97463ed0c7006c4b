// The key under which a deleted account's monthly count is kept until the
// month ends: a keyed hash (HMAC with the server's secret) of the normalised
// address, so the table cannot be read back into addresses, and the same
// person signing up again in the same month finds their count.
import { createHmac } from "node:crypto";
import { normalizeEmail } from "@/lib/auth/normalize-email";
import { env } from "@/lib/config/env";

export function meterKey(email: string): string {
  return createHmac("sha256", env().AUTH_SECRET ?? "folio")
    .update(`meter:${normalizeEmail(email) ?? email.trim().toLowerCase()}`)
    .digest("hex");
}
