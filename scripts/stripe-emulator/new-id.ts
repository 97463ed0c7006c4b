// Object ids shaped like Stripe's: a type prefix, an underscore and random
// base-62 characters. Apps sometimes check the prefix (cus_, sub_, ...), so
// the prefixes are the real ones.
import { randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let suffix = "";
  // 248 is the largest multiple of 62 below 256; rejecting bytes above it keeps
  // every character equally likely.
  for (const byte of bytes) if (byte < 248) suffix += alphabet[byte % 62];
  while (suffix.length < length) suffix += alphabet[randomBytes(1)[0]! % 62];
  return `${prefix}_${suffix}`;
}
