// A newsroom or a university behind one address: its confirmed readers draw
// on a per-IP budget of their own (SIGNIN_LIMIT_PER_IP_CONFIRMED), higher
// than the one for other addresses (SIGNIN_LIMIT_PER_IP), and what a client
// is answered never tells an address with an account from one without.
import { afterAll, describe, expect, it, vi } from "vitest";
import { recordSignInRequest, type SignInRequestResult } from "@/lib/auth/sign-in-requests";
import { db } from "@/lib/db/prisma";
import { uniqueSuffix } from "../fixtures/articles";

// Small limits keep the test short; env() reads them on its first call.
vi.stubEnv("SIGNIN_LIMIT_PER_IP", "5");
vi.stubEnv("SIGNIN_LIMIT_PER_IP_CONFIRMED", "12");
afterAll(() => vi.unstubAllEnvs());

const campus = () => `192.0.2.1-${uniqueSuffix()}`;
const stranger = () => `new-${uniqueSuffix()}@example.org`;
const request = (email: string, ip: string) => recordSignInRequest({ email, ip, source: "signin", newsletter: false });

async function confirmedReader(): Promise<string> {
  const user = await db().user.create({
    data: { email: `reader-${uniqueSuffix()}@example.org`, emailVerified: new Date() },
  });
  return user.email;
}

/** What the visitor sees: a link sent ("check your email") or a refusal. */
function answer(result: SignInRequestResult): "sent" | "refused" {
  return result.allowed || result.answerAsSent ? "sent" : "refused";
}

async function linksTo(email: string): Promise<number> {
  return db().signInRequest.count({ where: { email } });
}

describe("sign-ins from one shared address", () => {
  it("refuses new addresses at the low limit while confirmed readers get through up to the high one", async () => {
    const ip = campus();
    for (let i = 0; i < 5; i++) expect((await request(stranger(), ip)).allowed).toBe(true);
    const sixth = stranger();
    expect(await request(sixth, ip)).toMatchObject({ allowed: false, limitedBy: "ip" });
    expect(await linksTo(sixth)).toBe(0);

    const readers = await Promise.all(Array.from({ length: 13 }, confirmedReader));
    for (const reader of readers.slice(0, 12)) expect((await request(reader, ip)).allowed).toBe(true);
    expect(await request(readers[12]!, ip)).toMatchObject({ allowed: false, limitedBy: "ip" });
    expect(await linksTo(readers[12]!)).toBe(0);
  });

  it("answers an address with an account and one without alike, whichever budget is spent", async () => {
    const ip = campus();
    const compare = async () => {
      const known = await request(await confirmedReader(), ip);
      const unknown = await request(stranger(), ip);
      return [answer(known), answer(unknown)];
    };
    expect(await compare()).toEqual(["sent", "sent"]);
    for (let i = 0; i < 4; i++) await request(stranger(), ip);
    // The other addresses' budget is spent, the confirmed readers' is not.
    expect(await compare()).toEqual(["sent", "sent"]);
    for (let i = 0; i < 10; i++) await request(await confirmedReader(), ip);
    // Both are spent: both are refused.
    expect(await compare()).toEqual(["refused", "refused"]);
  });

  it("lets no more than each limit through when requests arrive at once", async () => {
    const ip = campus();
    const readers = await Promise.all(Array.from({ length: 20 }, confirmedReader));
    const strangers = Array.from({ length: 10 }, stranger);
    const results = await Promise.all([...readers, ...strangers].map((email) => request(email, ip)));
    expect(results.slice(0, 20).filter((result) => result.allowed)).toHaveLength(12);
    expect(results.slice(20).filter((result) => result.allowed)).toHaveLength(5);
    const rows = await db().signInRequest.count({ where: { email: { in: [...readers, ...strangers] } } });
    expect(rows).toBe(17);
  });
});
