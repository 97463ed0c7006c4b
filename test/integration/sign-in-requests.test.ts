// Rate limits of sign-in links, held in PostgreSQL.
import { describe, expect, it } from "vitest";
import { applySignUpChoices } from "@/lib/auth/sign-up-choices";
import { recordSignInRequest } from "@/lib/auth/sign-in-requests";
import { db } from "@/lib/db/prisma";
import { uniqueSuffix } from "../fixtures/articles";
import { createReader } from "../fixtures/readers";

const email = () => `limit-${uniqueSuffix()}@example.org`;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${uniqueSuffix()}`;
const request = (address: string, from: string, now?: Date) =>
  recordSignInRequest({ email: address, ip: from, source: "signin", newsletter: false, now });

describe("recordSignInRequest", () => {
  it("allows three links per address in fifteen minutes, then refuses", async () => {
    const address = email();
    const start = new Date();
    for (let i = 0; i < 3; i++) expect(await request(address, ip(), start)).toMatchObject({ allowed: true });
    expect(await request(address, ip(), start)).toEqual({ allowed: false, limitedBy: "email", answerAsSent: false });
    const later = new Date(start.getTime() + 16 * 60_000);
    expect(await request(address, ip(), later)).toMatchObject({ allowed: true });
  });

  it("allows twenty links per client address for addresses without an account, then sends none", async () => {
    const from = ip();
    for (let i = 0; i < 20; i++) expect((await request(email(), from)).allowed).toBe(true);
    // Answered as if sent: confirmed readers behind the address still have their budget.
    expect(await request(email(), from)).toEqual({ allowed: false, limitedBy: "ip", answerAsSent: true });
  });

  it("lets exactly three of ten parallel requests through", async () => {
    const address = email();
    const results = await Promise.all(Array.from({ length: 10 }, () => request(address, ip())));
    expect(results.filter((result) => result.allowed)).toHaveLength(3);
    expect(await db().signInRequest.count({ where: { email: address } })).toBe(3);
  });

  it("keeps only a keyed hash of the client address", async () => {
    const address = email();
    const from = `203.0.113.7-${uniqueSuffix()}`;
    await request(address, from);
    const row = await db().signInRequest.findFirstOrThrow({ where: { email: address } });
    expect(row.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ipHash).not.toContain(from);
  });
});

describe("applySignUpChoices", () => {
  async function signUp(source: "paywall" | "signin", newsletter: boolean) {
    const reader = await createReader();
    await recordSignInRequest({ email: reader.email, ip: ip(), source, newsletter });
    await applySignUpChoices(reader);
    return db().newsletterSubscription.findMany({ where: { userId: reader.id } });
  }

  it("subscribes a paywall sign-up to the free newsletter", async () => {
    expect(await signUp("paywall", true)).toMatchObject([{ newsletter: "free", subscribed: true }]);
  });

  it("records a paywall sign-up that declined it", async () => {
    expect(await signUp("paywall", false)).toMatchObject([{ newsletter: "free", subscribed: false }]);
  });

  it("leaves a plain sign-in alone", async () => {
    expect(await signUp("signin", false)).toEqual([]);
  });
});
