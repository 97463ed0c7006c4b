// How imported_items names an imported reader: a hash of the address, not
// the address. The row outlives a deleted account on purpose, so that
// importing the old list again does not bring the reader back; it must not
// keep their address while doing so (docs/privacy.md).
import { createHash } from "node:crypto";

/** `email` is normalised (normalizeEmail). */
export function readerKey(email: string): string {
  return createHash("sha256").update(`folio.import.reader:${email}`).digest("base64url");
}
