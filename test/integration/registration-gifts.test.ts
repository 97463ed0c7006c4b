// Registration gifts and sign-in codes against real PostgreSQL: one gift per
// address ever (also under parallel claims and after deleting the account),
// the per-IP limit on instant grants, the gift becoming an unlock outside the
// quota on confirmation, and the code's tries, expiry and single use.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { confirmAccountDeletion } from "@/lib/account/account-deletion";
import { issueAccountToken } from "@/lib/account/account-tokens";
import { readMeterAndUnlocks } from "@/lib/access/reader-meter";
import { claimRegistrationGift, confirmRegistrationGift } from "@/lib/access/registration-gifts";
import { checkSignInCode, createSignInCode, SIGN_IN_CODE_TRIES } from "@/lib/auth/sign-in-codes";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import { createArticle, uniqueSuffix } from "../fixtures/articles";

const address = (label: string) => `${label}-${uniqueSuffix()}@example.org`;
/** An IP address of its own for each test: the per-IP count is the test's. */
const someIp = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 255)}`;

describe("registration gifts", () => {
  it("gives one gift per address, once among ten parallel claims, written in any case", async () => {
    const email = address("gift");
    const articles = await Promise.all(Array.from({ length: 10 }, () => createArticle()));
    const claims = await Promise.all(
      articles.map((article, index) =>
        claimRegistrationGift({
          email: index % 2 ? email : email.toUpperCase(),
          articleId: article.id,
          ip: someIp(),
          limitByIp: true,
        }),
      ),
    );
    expect(claims.filter((claim) => claim.given)).toHaveLength(1);
    expect(claims.filter((claim) => !claim.given && claim.reason === "already-given")).toHaveLength(9);
  });

  it("refuses instant grants past the hourly limit of one client address, and counts an hour only", async () => {
    const ip = someIp();
    const limit = env().INSTANT_ACCESS_LIMIT_PER_IP;
    const article = await createArticle();
    const now = new Date();
    const claim = (at: Date) =>
      claimRegistrationGift({ email: address("ip"), articleId: article.id, ip, limitByIp: true, now: at });
    const claims = await Promise.all(Array.from({ length: limit + 3 }, () => claim(now)));
    expect(claims.filter((result) => result.given)).toHaveLength(limit);
    expect(claims.filter((result) => !result.given && result.reason === "ip-limit")).toHaveLength(3);
    expect(await claim(new Date(now.getTime() + 61 * 60_000))).toEqual({ given: true });
    // Without instant access the gift waits for confirmation: no per-IP limit.
    expect(
      await claimRegistrationGift({ email: address("ip"), articleId: article.id, ip, limitByIp: false, now }),
    ).toEqual({ given: true });
  });

  it("becomes an unlock outside the quota on confirmation, once, and never again after deletion", async () => {
    const email = address("confirm");
    const article = await createArticle();
    expect(await claimRegistrationGift({ email, articleId: article.id, ip: someIp(), limitByIp: true })).toEqual({
      given: true,
    });
    // Confirming an address that has no account yet changes nothing.
    await confirmRegistrationGift(email);
    expect(await db().registrationGift.count({ where: { confirmedAt: { not: null }, articleId: article.id } })).toBe(0);

    const reader = await db().user.create({ data: { email } });
    await Promise.all([confirmRegistrationGift(email), confirmRegistrationGift(email)]);
    const { meter, unlocked } = await readMeterAndUnlocks(reader, [article.id]);
    expect(unlocked.has(article.id)).toBe(true);
    expect(meter).toMatchObject({ used: 0, remaining: env().FREE_ARTICLES_PER_MONTH });
    expect(await db().articleUnlock.findMany({ where: { userId: reader.id }, select: { kind: true } })).toEqual([
      { kind: "registration_gift" },
    ]);

    const issued = await issueAccountToken(reader.id, "deletion");
    if (!issued.issued) throw new Error("no deletion token");
    expect(await confirmAccountDeletion(issued.token)).toBe("deleted");
    const other = await createArticle();
    expect(await claimRegistrationGift({ email, articleId: other.id, ip: someIp(), limitByIp: true })).toEqual({
      given: false,
      reason: "already-given",
    });
  });
});

describe("sign-in codes", () => {
  const inTenMinutes = () => new Date(Date.now() + 10 * 60_000);
  const wrongFor = (code: string) => (code === "000000" ? "000001" : "000000");

  it("takes the right code once, handing back the link's token and return", async () => {
    const email = address("code");
    const code = await createSignInCode({
      email,
      token: "the-token",
      callbackUrl: "/articles/a#continue",
      expires: inTenMinutes(),
    });
    expect(code).toMatch(/^\d{6}$/);
    const row = await db().signInCode.findUniqueOrThrow({ where: { email } });
    expect(row.codeHash).not.toContain(code);
    expect(row.sealedToken).not.toContain("the-token");
    expect(await checkSignInCode(email, code)).toEqual({
      ok: true,
      token: "the-token",
      callbackUrl: "/articles/a#continue",
    });
    expect(await checkSignInCode(email, code)).toEqual({ ok: false, reason: "expired" });
  });

  it(`locks after ${SIGN_IN_CODE_TRIES} wrong tries, even sent in parallel`, async () => {
    const email = address("guess");
    const code = await createSignInCode({ email, token: "t", callbackUrl: "/", expires: inTenMinutes() });
    const guesses = await Promise.all(
      Array.from({ length: SIGN_IN_CODE_TRIES + 2 }, () => checkSignInCode(email, wrongFor(code))),
    );
    expect(guesses.filter((guess) => !guess.ok && guess.reason === "wrong")).toHaveLength(SIGN_IN_CODE_TRIES - 1);
    expect(guesses.filter((guess) => !guess.ok && guess.reason === "locked")).toHaveLength(1);
    expect(await checkSignInCode(email, code)).toEqual({ ok: false, reason: "expired" });
  });

  it("fails once expired, and a newer email's code replaces the older", async () => {
    const email = address("expiry");
    const code = await createSignInCode({ email, token: "t", callbackUrl: "/", expires: inTenMinutes() });
    expect(await checkSignInCode(email, code, new Date(Date.now() + 11 * 60_000))).toEqual({
      ok: false,
      reason: "expired",
    });
    const older = await createSignInCode({ email, token: "old", callbackUrl: "/", expires: inTenMinutes() });
    const newer = await createSignInCode({ email, token: "new", callbackUrl: "/", expires: inTenMinutes() });
    if (older !== newer) expect(await checkSignInCode(email, older)).toEqual({ ok: false, reason: "wrong" });
    expect(await checkSignInCode(email, newer)).toMatchObject({ ok: true, token: "new" });
  });
});
