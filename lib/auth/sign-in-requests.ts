// Rate limits for sign-in links, kept in PostgreSQL so that they hold across
// app servers: at most SIGNIN_LIMIT_PER_EMAIL links per address and
// SIGNIN_LIMIT_PER_IP per client address in SIGNIN_LIMIT_WINDOW_MINUTES.
import { createHmac } from "node:crypto";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";

export type SignInSource = "paywall" | "signin";

export type SignInRequestInput = {
  email: string;
  ip: string;
  source: SignInSource;
  /** Whether the reader wants the free newsletter (sign-ups from the paywall). */
  newsletter: boolean;
  now?: Date;
};

export type SignInRequestResult = { allowed: true; requestId: string } | { allowed: false; limitedBy: "email" | "ip" };

/** IP addresses are personal data: only a keyed hash is stored. */
export function hashIp(ip: string): string {
  return createHmac("sha256", env().AUTH_SECRET ?? "folio")
    .update(ip)
    .digest("hex");
}

/**
 * Records the request if both limits allow it. The per-address and per-IP
 * advisory locks make concurrent requests count one after another.
 */
export async function recordSignInRequest(input: SignInRequestInput): Promise<SignInRequestResult> {
  const settings = env();
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - settings.SIGNIN_LIMIT_WINDOW_MINUTES * 60_000);
  const ipHash = hashIp(input.ip);
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`signin-email:${input.email}`}))::text`;
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`signin-ip:${ipHash}`}))::text`;
    const byEmail = await tx.signInRequest.count({ where: { email: input.email, createdAt: { gt: since } } });
    if (byEmail >= settings.SIGNIN_LIMIT_PER_EMAIL) return { allowed: false, limitedBy: "email" } as const;
    const byIp = await tx.signInRequest.count({ where: { ipHash, createdAt: { gt: since } } });
    if (byIp >= settings.SIGNIN_LIMIT_PER_IP) return { allowed: false, limitedBy: "ip" } as const;
    const created = await tx.signInRequest.create({
      data: { email: input.email, ipHash, source: input.source, newsletter: input.newsletter, createdAt: now },
      select: { id: true },
    });
    return { allowed: true, requestId: created.id } as const;
  });
}

/** A request whose email could not be sent does not count against the limits. */
export async function forgetSignInRequest(requestId: string): Promise<void> {
  await db().signInRequest.deleteMany({ where: { id: requestId } });
}

/** The choice made with the latest link request, read at a reader's first sign-in. */
export async function latestSignInRequest(email: string) {
  return db().signInRequest.findFirst({ where: { email }, orderBy: { createdAt: "desc" } });
}
