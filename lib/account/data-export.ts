// "Download your data": everything Folio holds about one reader, as JSON.
import { meterKey } from "@/lib/access/meter-key";
import { db } from "@/lib/db/prisma";

export async function exportReaderData(userId: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      emailVerified: true,
      createdAt: true,
      stripeCustomerId: true,
      unlocks: {
        orderBy: { createdAt: "asc" },
        select: { period: true, createdAt: true, article: { select: { slug: true, title: true } } },
      },
      newsletters: { select: { newsletter: true, subscribed: true, updatedAt: true } },
      subscriptions: {
        select: {
          id: true,
          status: true,
          plan: true,
          currentPeriodEnd: true,
          cancelAtPeriodEnd: true,
          trialEnd: true,
          createdAt: true,
        },
      },
      invoices: { select: { id: true, status: true, amountPaid: true, currency: true, paidAt: true, createdAt: true } },
      sessions: { select: { expires: true } },
      giftLinks: {
        orderBy: { createdAt: "asc" },
        select: {
          createdAt: true,
          expiresAt: true,
          revokedAt: true,
          article: { select: { slug: true, title: true } },
          _count: { select: { opens: true } },
        },
      },
      organisationSeats: {
        orderBy: { joinedAt: "asc" },
        select: { joinedAt: true, lastReadAt: true, organisation: { select: { name: true } } },
      },
    },
  });
  const signIns = await db().signInRequest.findMany({
    where: { email: user.email },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, source: true, newsletter: true },
  });
  // Kept under a keyed hash of the address, not the account: what an account
  // deleted earlier this month under the same address had used.
  const departed = await db().departedMeter.findMany({
    where: { emailKey: meterKey(user.email) },
    orderBy: { period: "asc" },
    select: { period: true, used: true },
  });
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerified,
      createdAt: user.createdAt,
      stripeCustomerId: user.stripeCustomerId,
    },
    unlockedArticles: user.unlocks.map((unlock) => ({
      ...unlock.article,
      month: unlock.period,
      unlockedAt: unlock.createdAt,
    })),
    freeArticlesUsedByADeletedAccount: departed.map((row) => ({ month: row.period, used: row.used })),
    newsletters: user.newsletters,
    subscriptions: user.subscriptions,
    invoices: user.invoices,
    giftsSent: user.giftLinks.map((gift) => ({
      ...gift.article,
      sentAt: gift.createdAt,
      expiresAt: gift.expiresAt,
      revokedAt: gift.revokedAt,
      browsersOpenedIn: gift._count.opens,
    })),
    // The seat's last read is what the organisation's manager sees.
    organisationSeats: user.organisationSeats.map((seat) => ({
      organisation: seat.organisation.name,
      joinedAt: seat.joinedAt,
      lastReadAt: seat.lastReadAt,
    })),
    signInHistory: {
      linkRequests: signIns,
      activeSessions: user.sessions.map((session) => ({ expires: session.expires })),
    },
  };
}
