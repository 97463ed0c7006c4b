// One reader as an admin sees them: plan and subscriptions, free articles
// unlocked, newsletter choices, role and comp access.
import { z } from "zod";
import { compGrantsAccess } from "@/lib/access/decide-access";
import { listUnlockedArticles, readMeter, type MeterSummary, type UnlockedArticle } from "@/lib/access/reader-meter";
import { listNewsletterChoices, type NewsletterChoice } from "@/lib/account/newsletter-choices";
import { listSubscriptions, type SubscriptionSummary } from "@/lib/billing/subscription-queries";
import { db } from "@/lib/db/prisma";
import { assertRole, type Actor } from "@/lib/auth/actor";
import { effectiveRole, type Role } from "@/lib/auth/roles";
import { readerPlan, type ReaderPlan } from "./reader-plan";

const uuid = z.uuid();

export function isUserId(id: string): boolean {
  return uuid.safeParse(id).success;
}

export type ReaderProfile = {
  id: string;
  email: string;
  createdAt: Date;
  /** The stored role. */
  role: Role;
  /** What they act as: ADMIN_EMAILS makes the people it lists admins whatever is stored. */
  effectiveRole: Role;
  compUntil: Date | null;
  compRunning: boolean;
  plan: ReaderPlan;
  subscriptions: SubscriptionSummary[];
  meter: MeterSummary;
  unlocked: UnlockedArticle[];
  newsletters: NewsletterChoice[];
};

/** Admins only; null for an id that names nobody. */
export async function getReaderProfile(actor: Actor, id: string, now = new Date()): Promise<ReaderProfile | null> {
  assertRole(actor, "admin");
  if (!isUserId(id)) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, createdAt: true, role: true, compUntil: true },
  });
  if (!user) return null;
  const [subscriptions, meter, unlocked] = await Promise.all([
    listSubscriptions(user.id),
    readMeter(user, now),
    listUnlockedArticles(user.id),
  ]);
  const plan = readerPlan(
    subscriptions.map((subscription) => ({ ...subscription })),
    user.compUntil,
    now,
  );
  const newsletters = await listNewsletterChoices(user.id, plan !== "free");
  return {
    ...user,
    effectiveRole: effectiveRole(user),
    compRunning: compGrantsAccess(user.compUntil, now),
    plan,
    subscriptions,
    meter,
    unlocked,
    newsletters,
  };
}
