// Folio's settings, read once from the environment and validated with zod so
// that a bad value stops start-up with a message naming the setting.
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const timeZone = z
  .string()
  .default("UTC")
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "must be an IANA time zone such as UTC or Europe/Berlin");

const postgresUrl = z
  .string()
  .url()
  .refine((url) => /^postgres(ql)?:\/\//.test(url), "must be a postgresql:// URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  // Background jobs (reconciliation, later newsletters) in each web server.
  JOBS: z.enum(["on", "off"]).default("on"),
  // How many reverse proxies in front of Folio append to X-Forwarded-For.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  DATABASE_URL: postgresUrl.optional(),
  FOLIO_DATA_DIR: z.string().default(".data"),
  // Set by the launcher for the web app: which database DATABASE_URL points at.
  FOLIO_DATABASE_KIND: z.enum(["embedded", "postgres"]).default("postgres"),
  FREE_ARTICLES_PER_MONTH: positiveInt(3),
  PREVIEW_PARAGRAPHS: positiveInt(3),
  PUBLICATION_TIMEZONE: timeZone,
  PUBLICATION_NAME: z.string().min(1).default("The Folio Review"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ADMIN_EMAILS: z.string().default(""),
  SMTP_URL: z
    .string()
    .url()
    .refine((url) => /^smtps?:\/\//.test(url), "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("The Folio Review <newsroom@folio.localhost>"),
  SIGNIN_LINK_MINUTES: positiveInt(10),
  SIGNIN_LIMIT_PER_EMAIL: positiveInt(3),
  SIGNIN_LIMIT_PER_IP: positiveInt(20),
  SIGNIN_LIMIT_WINDOW_MINUTES: positiveInt(15),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  // Where the Stripe SDK sends requests: unset for Stripe itself; the local
  // emulator's address when `npm start` runs one.
  STRIPE_API_URL: z.string().url().optional(),
  // Plans are named by Stripe Price lookup keys, never by price ids.
  STRIPE_MONTHLY_LOOKUP_KEY: z.string().min(1).default("all_access_monthly"),
  STRIPE_ANNUAL_LOOKUP_KEY: z.string().min(1).default("all_access_annual"),
  // Days a subscriber whose renewal failed (past_due) keeps reading.
  SUBSCRIPTION_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(3),
});

export type Env = z.infer<typeof envSchema>;

// Stripe keys come as a pair: a secret key without the webhook secret would
// sell subscriptions that never activate.
const completeEnvSchema = envSchema.superRefine((settings, context) => {
  if (Boolean(settings.STRIPE_SECRET_KEY) !== Boolean(settings.STRIPE_WEBHOOK_SECRET)) {
    context.addIssue({
      code: "custom",
      path: [settings.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY"],
      message: "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together",
    });
  }
});

/** Thrown for an invalid setting; its message names every bad setting. */
export class InvalidSettingsError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most .env tooling.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = completeEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidSettingsError(`Invalid settings:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The site's public origin, used for canonical URLs, feeds and the sitemap. */
export function publicUrl(): string {
  const { PUBLIC_URL, PORT } = env();
  return (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}
