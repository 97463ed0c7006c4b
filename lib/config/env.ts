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

// "07:00": a time of day for the newsletters' schedule, in PUBLICATION_TIMEZONE.
const timeOfDay = (fallback: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day as HH:MM (24-hour), such as 07:00")
    .default(fallback);

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const weekday = (fallback: Weekday) =>
  z
    .preprocess(
      (day) => (typeof day === "string" ? day.toLowerCase() : day),
      z.enum(WEEKDAYS, "must be a day of the week, such as friday"),
    )
    .default(fallback);

const postgresUrl = z
  .string()
  .url()
  .refine((url) => /^postgres(ql)?:\/\//.test(url), "must be a postgresql:// URL");

/**
 * The fewest connections FOLIO_DB_CONNECTIONS allows: the cache listener's
 * one, the job queue's two, and two for requests, so that one slow
 * transaction does not stop every page.
 */
export const MIN_DB_CONNECTIONS = 5;

/** FOLIO_HEAP_MB: read by the launchers, before the server (and this schema's other checks) runs. */
export const heapMegabytes = z.coerce.number().int().min(192).max(65536).default(256);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  // Background jobs (reconciliation, later newsletters) in each web server.
  JOBS: z.enum(["on", "off"]).default("on"),
  // How many reverse proxies in front of Folio append to X-Forwarded-For.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Memory for the shared read cache, per server (lib/cache/shared-read.ts).
  FOLIO_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4096).default(16),
  // Memory for whole anonymous pages, per server (server/page-cache.ts); 0 turns that cache off.
  FOLIO_PAGE_CACHE_MAX_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // How often each web server adds the page views it counted to the insights roll-up (lib/insights/insight-counter.ts):
  // what a server that dies loses at most.
  FOLIO_INSIGHTS_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  // The web server's JavaScript heap limit, given to Node.js when the server is started (server/node-options.ts).
  FOLIO_HEAP_MB: heapMegabytes,
  DATABASE_URL: postgresUrl.optional(),
  // PostgreSQL connections one server process may hold at most, all pools
  // together; lib/db/connection-budget.ts splits them (docs/deployment.md).
  FOLIO_DB_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(MIN_DB_CONNECTIONS, `must be at least ${MIN_DB_CONNECTIONS}: the job queue and the cache listener take 3`)
    .max(1000)
    .default(12),
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
  // Sign-in links per client address, for addresses without a confirmed
  // account, and, a separate and higher budget, for confirmed readers' own
  // addresses: a newsroom or a university signs many in from one address.
  SIGNIN_LIMIT_PER_IP: positiveInt(20),
  SIGNIN_LIMIT_PER_IP_CONFIRMED: positiveInt(200),
  SIGNIN_LIMIT_WINDOW_MINUTES: positiveInt(15),
  // Instant access (docs/paywall.md): "Keep reading for free" shows the rest
  // of the article at once, before the address is confirmed; "off" gives that
  // article on confirmation instead. Grants per client address per hour.
  INSTANT_ACCESS: z.enum(["on", "off"]).default("on"),
  INSTANT_ACCESS_LIMIT_PER_IP: positiveInt(10),
  // Gift articles (docs/gifts.md): links a subscriber may send per calendar
  // month (in PUBLICATION_TIMEZONE), and how long and in how many distinct
  // browsers each opens. A link keeps the limits it was made with.
  GIFTS_PER_MONTH: z.coerce.number().int().min(0).max(1000).default(10),
  GIFT_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  GIFT_MAX_BROWSERS: z.coerce.number().int().min(1).max(10_000).default(25),
  // What All-Access brings, as the paywall panel and /subscribe list it: items separated by "|".
  ALL_ACCESS_BENEFITS: z
    .string()
    .max(2000)
    .default(
      "The full searchable library of tens of thousands of articles|Daily articles with original analysis every weekday|In-depth reports|The Daily Review and the Weekly Review emails|An ad-free reading experience",
    )
    .transform((list) =>
      list
        .split("|")
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  // The media library (docs/media.md): the largest upload, in megabytes and
  // in megapixels (a small file can decode to a huge image).
  MEDIA_MAX_MB: z.coerce.number().min(1).max(200).default(20),
  MEDIA_MAX_MEGAPIXELS: z.coerce.number().min(1).max(500).default(50),
  // The largest file /admin/import takes (docs/importing.md); larger ones go through `npm run import`.
  IMPORT_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(102_400).default(1024),
  // S3-compatible object storage for the media library; without S3_BUCKET
  // the files live in the data folder.
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z.string().url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Path-style addresses (http://host/bucket/key), as most S3-compatible servers want.
  S3_FORCE_PATH_STYLE: z.enum(["on", "off"]).default("on"),
  // The publisher's logo for structured data (JSON-LD); the masthead's is used without it.
  PUBLISHER_LOGO_URL: z.string().url().optional(),
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
  // Days free before a new subscription's first charge (0: no trial). An
  // offer link's own trial takes its place (docs/billing.md); Stripe takes
  // up to two years.
  TRIAL_DAYS: z.coerce.number().int().min(0).max(730).default(0),
  // Newsletters (lib/newsletters): when each is sent, in PUBLICATION_TIMEZONE.
  // The Daily Review goes out on weekdays with the previous weekday's articles.
  DAILY_REVIEW_TIME: timeOfDay("07:00"),
  WEEKLY_REVIEW_DAY: weekday("saturday"),
  WEEKLY_REVIEW_TIME: timeOfDay("08:00"),
  FREE_NEWSLETTER_DAY: weekday("thursday"),
  FREE_NEWSLETTER_TIME: timeOfDay("09:00"),
  // Sending: recipients per durable job, SMTP connections per worker, tries
  // for a temporary failure (4xx, a lost connection) and the first retry's
  // delay (doubling after that), permanent failures (5xx) in a row before an
  // address is suppressed, and how long a recipient claimed by a worker that
  // vanished waits before another worker sends to it.
  NEWSLETTER_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  NEWSLETTER_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  NEWSLETTER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  NEWSLETTER_RETRY_SECONDS: z.coerce.number().min(0.1).max(86_400).default(60),
  NEWSLETTER_BOUNCE_LIMIT: positiveInt(3),
  NEWSLETTER_CLAIM_TIMEOUT_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  // How long the unsubscribe link in a newsletter keeps working.
  NEWSLETTER_UNSUBSCRIBE_DAYS: positiveInt(400),
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
