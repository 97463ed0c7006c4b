// The 6-digit code in every sign-in email, so that a reader can confirm on the
// page they are reading instead of opening the link (another tab, another
// device). The code completes the same Auth.js sign-in as the link: the link's
// token is kept sealed (AES-256-GCM) beside a keyed hash of the code, and
// handed to Auth.js's callback when the right code comes back. Either way the
// token is used once, so one use consumes both the link and the code.
//
// One live code per address, the newest email's. Five wrong tries delete it:
// with at most SIGNIN_LIMIT_PER_EMAIL emails per window, a guesser gets
// 5 × 3 tries in a million per 15 minutes.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";

export const SIGN_IN_CODE_TRIES = 5;
export const SIGN_IN_CODE_PATTERN = /^\d{6}$/;

export type CodeCheck =
  { ok: true; token: string; callbackUrl: string } | { ok: false; reason: "wrong" | "locked" | "expired" };

let derived: { secret: string; hashKey: Buffer; sealKey: Buffer } | undefined;

function keys() {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: start Folio with `npm start`, which generates one");
  if (derived?.secret !== secret) {
    derived = {
      secret,
      hashKey: Buffer.from(hkdfSync("sha256", secret, "folio", "sign-in code hash v1", 32)),
      sealKey: Buffer.from(hkdfSync("sha256", secret, "folio", "sign-in token seal v1", 32)),
    };
  }
  return derived;
}

function codeHash(email: string, code: string): string {
  return createHmac("sha256", keys().hashKey).update(`${email}:${code}`).digest("hex");
}

export function sealToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys().sealKey, iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

export function unsealToken(value: string): string {
  const [iv, tag, sealed] = value.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", keys().sealKey, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString("utf8");
}

/** A new code for the sign-in email to `email`, replacing any earlier one. */
export async function createSignInCode(input: {
  email: string;
  token: string;
  callbackUrl: string;
  expires: Date;
}): Promise<string> {
  const code = randomInt(0, 1_000_000).toString().padStart(6, "0");
  const data = {
    codeHash: codeHash(input.email, code),
    sealedToken: sealToken(input.token),
    callbackUrl: input.callbackUrl,
    tries: 0,
    expiresAt: input.expires,
    createdAt: new Date(),
  };
  await db().signInCode.upsert({
    where: { email: input.email },
    create: { email: input.email, ...data },
    update: data,
  });
  return code;
}

/**
 * Checks a code typed for `email`. The row is locked, so parallel guesses
 * count one after another; the right code deletes it (single use).
 */
export async function checkSignInCode(email: string, code: string, now = new Date()): Promise<CodeCheck> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { code_hash: string; sealed_token: string; callback_url: string; tries: number; expires_at: Date }[]
    >`
      SELECT code_hash, sealed_token, callback_url, tries, expires_at FROM sign_in_codes WHERE email = ${email} FOR UPDATE`;
    const row = rows[0];
    if (!row) return { ok: false, reason: "expired" } as const;
    if (row.expires_at.getTime() <= now.getTime()) {
      await tx.signInCode.delete({ where: { email } });
      return { ok: false, reason: "expired" } as const;
    }
    const given = Buffer.from(codeHash(email, code));
    const expected = Buffer.from(row.code_hash);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      if (row.tries + 1 >= SIGN_IN_CODE_TRIES) {
        await tx.signInCode.delete({ where: { email } });
        return { ok: false, reason: "locked" } as const;
      }
      await tx.signInCode.update({ where: { email }, data: { tries: { increment: 1 } } });
      return { ok: false, reason: "wrong" } as const;
    }
    await tx.signInCode.delete({ where: { email } });
    return { ok: true, token: unsealToken(row.sealed_token), callbackUrl: row.callback_url } as const;
  });
}

/** Once the link itself was used, its code must not outlive it. */
export async function forgetSignInCode(email: string): Promise<void> {
  await db().signInCode.deleteMany({ where: { email } });
}
