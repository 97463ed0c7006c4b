// IP ranges as an admin types them and as a client's address arrives: IPv4
// and IPv6 CIDR, parsed by ipaddr.js. A range is refused rather than
// corrected when its address has host bits set (192.0.2.77/24): "normalising"
// it would quietly give a whole /24 to an admin who meant one address, so the
// message names both readings. A bare address is that one address (/32,
// /128). Ranges a client on the internet never comes from (private,
// loopback, link-local, documentation, carrier-grade NAT, ...) are refused:
// behind a proxy that TRUST_PROXY does not describe, every request seems to
// come from such an address, and listing one would open everything to
// everyone. So are ranges wider than an IPv4 /8 or an IPv6 /16.
//
// Each range also gets its first and last address as fixed-width hex
// (8 digits for IPv4, 32 for IPv6), so that comparing two strings compares
// two addresses: the address matcher (address-organisations.ts) keeps ranges
// sorted that way and finds a client's by binary search.
import ipaddr from "ipaddr.js";

export type IpFamily = 4 | 6;

export type IpRange = {
  /** The canonical text, as PostgreSQL's cidr prints it: "192.0.2.0/24", "2001:db8::/32". */
  cidr: string;
  family: IpFamily;
  /** The first and last address, fixed-width hex. */
  first: string;
  last: string;
};

export type ParsedRange = { ok: true; range: IpRange } | { ok: false; message: string };

/** An address of a family, as fixed-width hex. */
export type AddressKey = { family: IpFamily; hex: string };

const MIN_PREFIX: Record<IpFamily, number> = { 4: 8, 6: 16 };
const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };
const MAX_TEXT = 100;

function hexOf(bytes: number[]): string {
  return bytes.map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The address's bytes with every bit from `prefix` on set to `bit`. */
function masked(bytes: number[], prefix: number, bit: 0 | 1): number[] {
  return bytes.map((byte, index) => {
    const kept = Math.max(0, Math.min(8, prefix - index * 8));
    const hostMask = 0xff >> kept;
    return bit === 1 ? byte | hostMask : byte & ~hostMask & 0xff;
  });
}

function addressFrom(bytes: number[]): ipaddr.IPv4 | ipaddr.IPv6 {
  return ipaddr.fromByteArray(bytes);
}

/** A written address: IPv4 only in its dotted four-part form, IPv6 without a zone. */
function parseAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes("%") && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

function familyOf(address: ipaddr.IPv4 | ipaddr.IPv6): IpFamily {
  return address.kind() === "ipv4" ? 4 : 6;
}

export function parseIpRange(input: string): ParsedRange {
  const text = input.trim();
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const malformed = {
    ok: false,
    message: `${shown} is not an IP range: write an address with its prefix length, like 131.111.0.0/16 or 2001:630::/32, or one address alone.`,
  } as const;
  if (text.length === 0 || text.length > MAX_TEXT) return malformed;
  const [addressText, prefixText, ...rest] = text.split("/");
  if (rest.length > 0 || addressText === undefined) return malformed;
  const address = parseAddress(addressText);
  if (!address) return malformed;
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return {
      ok: false,
      message: `${shown} is an IPv4 address written as IPv6: write it as IPv4 (${(address as ipaddr.IPv6).toIPv4Address().toString()}).`,
    };
  }
  const family = familyOf(address);
  const bits = BITS[family];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return malformed;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) {
    return { ok: false, message: `${shown}: an IPv${family} prefix length is at most ${bits}.` };
  }
  const bytes = address.toByteArray();
  const network = addressFrom(masked(bytes, prefix, 0));
  const last = addressFrom(masked(bytes, prefix, 1));
  const networkText = network.toString();
  if (hexOf(network.toByteArray()) !== hexOf(bytes)) {
    return {
      ok: false,
      message: `${shown} has host bits set: for the whole range write ${networkText}/${prefix}, for that one address write ${address.toString()} alone.`,
    };
  }
  if (prefix < MIN_PREFIX[family]) {
    return {
      ok: false,
      message: `${shown} is too wide: an organisation's IPv${family} range is at most a /${MIN_PREFIX[family]}.`,
    };
  }
  if (network.range() !== "unicast" || last.range() !== "unicast") {
    return {
      ok: false,
      message: `${shown} is not a public address range (it is ${network.range() !== "unicast" ? network.range() : last.range()}): readers on the internet never come from it, and behind a misconfigured proxy everyone would.`,
    };
  }
  return {
    ok: true,
    range: {
      cidr: `${networkText}/${prefix}`,
      family,
      first: hexOf(network.toByteArray()),
      last: hexOf(last.toByteArray()),
    },
  };
}

/** Whether two ranges share an address. */
export function rangesOverlap(a: Pick<IpRange, "family" | "first" | "last">, b: typeof a): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** The first two ranges of a list that overlap, or null. */
export function overlapWithin<T extends Pick<IpRange, "family" | "first" | "last">>(ranges: T[]): [T, T] | null {
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      if (rangesOverlap(ranges[i]!, ranges[j]!)) return [ranges[i]!, ranges[j]!];
    }
  }
  return null;
}

/**
 * A client's address as the web server has it (server/trusted-headers.ts):
 * an IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d and is
 * read as the IPv4 address it is. Null for anything that is not an address.
 */
export function addressKey(address: string | null | undefined): AddressKey | null {
  if (!address || address.length > 100 || !ipaddr.isValid(address)) return null;
  const parsed = ipaddr.process(address);
  return { family: familyOf(parsed), hex: hexOf(parsed.toByteArray()) };
}

/**
 * The range holding `key` among `sorted` (one family, ordered by first
 * address, none overlapping: the database's exclusion constraint sees to
 * that), by binary search.
 */
export function rangeHolding<T extends Pick<IpRange, "first" | "last">>(sorted: T[], hex: string): T | null {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = sorted[middle]!;
    if (hex < range.first) high = middle - 1;
    else if (hex > range.last) low = middle + 1;
    else return range;
  }
  return null;
}
