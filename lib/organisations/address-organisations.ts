// Which organisation's IP ranges hold a client's address: asked by the web
// server for every request (server/main.ts: such a request skips both page
// caches) and by the article page (the decision's addressOrganisations), so
// it is answered from memory. The ranges of every organisation that has not
// ended are read from PostgreSQL in one query, kept as a shared read under
// the ORGANISATIONS tag, and read again when an organisation is saved: the
// tag clock hears of that on every server within milliseconds
// (lib/cache/tag-clock.ts). While the clock cannot vouch (the listener is
// down, or no listener runs: scripts, tests) every question reads the
// database. Ranges never overlap (an exclusion constraint), so an address is
// in one range at most: a binary search over the sorted ranges finds it.
import type { OrganisationForAccess } from "@/lib/access/decide-access";
import { organisationGrantsAccess } from "@/lib/access/decide-access";
import { ORGANISATIONS } from "@/lib/cache/cache-tags";
import { sharedRead } from "@/lib/cache/shared-read";
import { db } from "@/lib/db/prisma";
import { addressKey, parseIpRange, rangeHolding, type IpFamily } from "./ip-ranges";

type KeptRange = { first: string; last: string; startsAt: number; endsAt: number };

/** The ranges by family, each sorted by first address. Plain JSON: a shared read's value. */
export type AddressRanges = Record<`v${IpFamily}`, KeptRange[]>;

/** The ranges as kept, from rows of (cidr, period); rows whose text does not parse are left out. */
export function addressRanges(rows: { range: string; startsAt: Date; endsAt: Date }[]): AddressRanges {
  const ranges: AddressRanges = { v4: [], v6: [] };
  for (const row of rows) {
    // Stored ranges passed the same parse when saved; a bare /32 reads back as "a.b.c.d/32".
    const parsed = parseIpRange(row.range);
    if (!parsed.ok) continue;
    const { family, first, last } = parsed.range;
    ranges[`v${family}`].push({ first, last, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() });
  }
  for (const list of Object.values(ranges)) list.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  return ranges;
}

const readRanges = sharedRead(
  async (): Promise<AddressRanges> => {
    const rows = await db().$queryRaw<{ range: string; startsAt: Date; endsAt: Date }[]>`
      SELECT r.range::text AS range, o.starts_at AS "startsAt", o.ends_at AS "endsAt"
      FROM organisation_ip_ranges r JOIN organisations o ON o.id = r.organisation_id
      WHERE o.ends_at > now()`;
    return addressRanges(rows);
  },
  { name: "organisation-ip-ranges", tags: () => [ORGANISATIONS] },
);

/** The organisation (at most one) whose ranges hold `address`, whether or not it is running at this moment. */
export function organisationsIn(ranges: AddressRanges, address: string | null | undefined): OrganisationForAccess[] {
  const key = addressKey(address);
  if (!key) return [];
  const range = rangeHolding(ranges[`v${key.family}`], key.hex);
  return range ? [{ startsAt: new Date(range.startsAt), endsAt: new Date(range.endsAt) }] : [];
}

/** The organisations whose IP ranges hold the client's `address` (as server/trusted-headers.ts leaves it). */
export async function organisationsOfAddress(address: string | null | undefined): Promise<OrganisationForAccess[]> {
  if (!addressKey(address)) return [];
  return organisationsIn(await readRanges(), address);
}

/** Whether a running organisation admits `address` now: its pages are for that browser alone. */
export async function admitsAddress(address: string | null | undefined, now = new Date()): Promise<boolean> {
  return organisationGrantsAccess(await organisationsOfAddress(address), now);
}
