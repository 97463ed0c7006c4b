// Rate limits for sign-in links, kept in PostgreSQL so that they hold across
// app servers: at most SIGNIN_LIMIT_PER_EMAIL links per address in
// SIGNIN_LIMIT_WINDOW_MINUTES, and per client address two budgets: one for
// addresses of confirmed accounts (SIGNIN_LIMIT_PER_IP_CONFIRMED, high, so
// that a newsroom or a university behind one address is not refused) and one
// for every other address (SIGNIN_LIMIT_PER_IP, low, as that is where mail
// bombing and sign-up spam come from). docs/accounts.md has the table.
import { createHmac } from "node:crypto";
import { env } from "@/lib/config/env";
import { db, type Prisma } from "@/lib/db/prisma";
import { log } from "@/lib/observability/log";

export type SignInSource = "paywall" | "signin";

export type SignInRequestInput = {
  email: string;
  ip: string;
  source: SignInSource;
  /** Whether the reader wants the free newsletter (sign-ups from the paywall). */
  newsletter: boolean;
  /** The article whose paywall panel the request came from (a registration is counted on it). */
  articleId?: string | null;
  now?: Date;
};

export type SignInRequestResult =
  | { allowed: true; requestId: string }
  /**
   * Nothing is sent. `answerAsSent`: the caller answers as if the link had
   * gone out, because the other budget of the client address is not spent:
   * refusing here would tell whether the address has an account.
   */
  | { allowed: false; limitedBy: "email" | "ip"; answerAsSent: boolean };

/** IP addresses are personal data: only a keyed hash is stored. */
export function hashIp(ip: string): string {
  return createHmac("sha256", env().AUTH_SECRET ?? "folio")
    .update(ip)
    .digest("hex");
}

/**
 * The client address's requests in the window, split by whether their
 * address now belongs to a confirmed account. Counted at request time rather
 * than stored, so a sign-up that got confirmed moves to the confirmed budget.
 */
async function requestsFromIp(tx: Prisma.TransactionClient, ipHash: string, since: Date) {
  const [counts] = await tx.$queryRaw<{ confirmed: number; other: number }[]>`
    SELECT count(*) FILTER (WHERE u.id IS NOT NULL)::int AS confirmed,
           count(*) FILTER (WHERE u.id IS NULL)::int AS other
    FROM sign_in_requests r
    LEFT JOIN users u ON u.email = r.email AND u.email_verified IS NOT NULL
    WHERE r.ip_hash = ${ipHash} AND r.created_at > ${since}`;
  return counts ?? { confirmed: 0, other: 0 };
}

async function isConfirmedAccount(tx: Prisma.TransactionClient, email: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { email }, select: { emailVerified: true } });
  return Boolean(user?.emailVerified);
}

/**
 * Records the request if the limits allow it. The per-address and per-IP
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
    // The same for every address, known or not: it cannot tell them apart.
    if (byEmail >= settings.SIGNIN_LIMIT_PER_EMAIL)
      return { allowed: false, limitedBy: "email", answerAsSent: false } as const;
    const confirmed = await isConfirmedAccount(tx, input.email);
    const byIp = await requestsFromIp(tx, ipHash, since);
    const confirmedLeft = byIp.confirmed < settings.SIGNIN_LIMIT_PER_IP_CONFIRMED;
    const otherLeft = byIp.other < settings.SIGNIN_LIMIT_PER_IP;
    if (!(confirmed ? confirmedLeft : otherLeft)) {
      // For the operator deciding whether to raise a limit; names no one.
      log("warn", "sign-in-ip-limit", {
        setting: confirmed ? "SIGNIN_LIMIT_PER_IP_CONFIRMED" : "SIGNIN_LIMIT_PER_IP",
      });
      // Refused out loud only when both budgets are spent, so that the
      // answer is the same whichever budget the address draws on.
      return { allowed: false, limitedBy: "ip", answerAsSent: confirmed ? otherLeft : confirmedLeft } as const;
    }
    const created = await tx.signInRequest.create({
      data: {
        email: input.email,
        ipHash,
        source: input.source,
        newsletter: input.newsletter,
        articleId: input.articleId ?? null,
        createdAt: now,
      },
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
