"use server";
// Buying and managing All-Access. Next.js refuses cross-site calls to server
// actions; each action checks the session and validates its input itself.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getReader } from "@/lib/auth/get-reader";
import { createCheckoutSession } from "@/lib/billing/checkout";
import { PLAN_KEYS, type PlanKey } from "@/lib/billing/plans";
import { createPortalSession } from "@/lib/billing/portal";

const planSchema = z.enum(PLAN_KEYS as [PlanKey, ...PlanKey[]]);

export async function startCheckoutAction(plan: unknown): Promise<void> {
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) redirect("/subscribe");
  const reader = await getReader();
  if (!reader) redirect(`/signin?callbackUrl=${encodeURIComponent(`/subscribe?plan=${parsed.data}`)}`);
  let url: string;
  try {
    url = await createCheckoutSession(reader, parsed.data);
  } catch (error) {
    console.error("checkout could not start:", error instanceof Error ? error.message : error);
    redirect("/subscribe?error=checkout");
  }
  redirect(url);
}

export async function openBillingPortalAction(): Promise<void> {
  const reader = await getReader();
  if (!reader) redirect("/signin?callbackUrl=/account");
  let url: string | null;
  try {
    url = await createPortalSession(reader);
  } catch (error) {
    console.error("billing portal could not open:", error instanceof Error ? error.message : error);
    redirect("/account?error=portal");
  }
  redirect(url ?? "/subscribe");
}
