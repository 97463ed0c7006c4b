// Email addresses as Folio accepts them: trimmed, lower-cased, one "@", a
// plain local part and a real-looking domain. Quoted local parts, comments,
// several "@" or address lists are refused outright, so an address can never
// smuggle mail to a second recipient or another domain.
import { domainToASCII } from "node:url";

// RFC 5322 atext without "%" and "!", which old relays read as routing.
const LOCAL_PART = /^[a-z0-9#$&'*+/=?^_`{|}~-]+(\.[a-z0-9#$&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The normalised address, or null when it is not one Folio will mail. */
export function normalizeEmail(input: string): string | null {
  const address = input.trim().toLowerCase();
  if (address.length === 0 || address.length > 254) return null;
  const parts = address.split("@");
  if (parts.length !== 2) return null;
  const [local, rawDomain] = parts as [string, string];
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) return null;
  // International domains are kept in their ASCII (punycode) form.
  const domain = domainToASCII(rawDomain);
  if (!domain || domain.length > 253) return null;
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  return `${local}@${domain}`;
}
