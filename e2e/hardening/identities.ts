// The people the hardening tests act as: nobody, an attacker who is a
// signed-in reader, and a victim whose data must never show up in the
// attacker's answers. Sessions are written directly (see e2e/sessions.ts)
// and expire in 29.5 days, so that Auth.js does not extend them on each read
// (it does once less than 29 days are left) and the database stays still.
import { randomBytes } from "node:crypto";
import { sql } from "../database";
import { gatedArticle } from "../fixtures";
import { createReader } from "../sessions";

export type SignedInReader = { id: string; email: string; sessionToken: string; cookie: string };

export async function signedInReader(label: string): Promise<SignedInReader> {
  const email = `${label}-${randomBytes(6).toString("hex")}@hardening.example`;
  const reader = await createReader(email);
  const sessionToken = randomBytes(32).toString("hex");
  await sql(
    "INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '29 days 12 hours')",
    [sessionToken, reader.id],
  );
  return { ...reader, sessionToken, cookie: `authjs.session-token=${sessionToken}` };
}

/** A victim who unlocked the gated fixture article: their address and that text are theirs alone. */
export async function victimWithUnlock(): Promise<SignedInReader> {
  const victim = await signedInReader("victim");
  await sql(
    `INSERT INTO article_unlocks (user_id, article_id, period)
     SELECT $1, id, to_char(now(), 'YYYY-MM') FROM articles WHERE slug = $2`,
    [victim.id, gatedArticle.slug],
  );
  return victim;
}
