// An organisation's email domains, as an admin types them. A domain gives
// All-Access to every confirmed address at it and at its subdomains, so it
// must be one only the organisation hands out addresses at: never a public
// suffix (com, co.uk, gov.uk, github.io: the Public Suffix List, through
// tldts), never a consumer mail service (gmail.com, outlook.com: the list of
// the email-providers package), never a wildcard. Domains are kept in
// lower case ASCII (punycode), as normalizeEmail keeps addresses.
import { domainToASCII } from "node:url";
import providers from "email-providers/all.json";
import { parse } from "tldts";

export type ParsedDomain = { ok: true; domain: string } | { ok: false; message: string };

const CONSUMER = new Set<string>(providers);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_TEXT = 253;

/** Whether `domain` (lower-case ASCII) is, or is under, a consumer mail service's domain. */
export function isConsumerMailDomain(domain: string): boolean {
  const registrable = parse(domain, { allowPrivateDomains: true }).domain;
  return CONSUMER.has(domain) || (registrable !== null && CONSUMER.has(registrable));
}

export function parseEmailDomain(input: string): ParsedDomain {
  // "@example.edu" and "Example.EDU" are what people paste.
  const text = input.trim().toLowerCase().replace(/^@/, "");
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  if (text.includes("*")) {
    return {
      ok: false,
      message: `${shown}: wildcards are not allowed. List the organisation's own domain, like example.edu; its subdomains are included.`,
    };
  }
  const malformed = {
    ok: false,
    message: `${shown || "(empty)"} is not a domain: write it like example.edu, without a name or an @ in front.`,
  } as const;
  if (text.length === 0 || text.length > MAX_TEXT || /[\s@/:]/.test(text)) return malformed;
  const domain = domainToASCII(text);
  if (!domain || domain.length > MAX_TEXT) return malformed;
  const labels = domain.split(".");
  if (!labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1)!)) {
    return malformed;
  }
  const parsed = parse(domain, { allowPrivateDomains: true });
  if (parsed.isIp || (!parsed.isIcann && !parsed.isPrivate)) {
    return { ok: false, message: `${shown} does not end in a known top-level domain.` };
  }
  if (parsed.domain === null || parsed.publicSuffix === domain) {
    return {
      ok: false,
      message: `${shown} is a public suffix: anyone can have a domain under it. List the organisation's own domain under it instead.`,
    };
  }
  if (isConsumerMailDomain(domain)) {
    return {
      ok: false,
      message: `${shown} is a consumer mail service: anyone can have an address there, so listing it would give everyone access.`,
    };
  }
  return { ok: true, domain };
}
