// The readers and articles the page benchmark acts with, written directly
// into its database: sessions without sign-in emails (as the e2e tests make
// them), a free reader's unlocks, a subscriber's subscription, and readers
// with their monthly free articles still to spend for the unlock scenario.
import { randomBytes } from "node:crypto";
import pg from "pg";

export type BenchPeople = {
  /** Published article slugs, a random sample: the anonymous scenario rotates over them. */
  anonymousSlugs: string[];
  freeReader: { cookie: string; unlockedSlugs: string[] };
  subscriber: { cookie: string; gatedSlugs: string[] };
  /** Each reader unlocks their own three articles: [cookie, slug] pairs. */
  unlocks: { cookie: string; slug: string }[];
};

async function reader(client: pg.Client, label: string): Promise<{ id: string; cookie: string }> {
  const email = `${label}-${randomBytes(5).toString("hex")}@bench.example`;
  const { rows } = await client.query<{ id: string }>(
    "INSERT INTO users (email, email_verified) VALUES ($1, now()) RETURNING id",
    [email],
  );
  const token = randomBytes(32).toString("hex");
  // 29.5 days: Auth.js does not extend (write) a session with more than 29 left.
  await client.query(
    "INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '29 days 12 hours')",
    [token, rows[0]!.id],
  );
  return { id: rows[0]!.id, cookie: `authjs.session-token=${token}` };
}

export async function preparePeople(
  url: string,
  options: { anonymousArticles: number; unlockReaders: number },
): Promise<BenchPeople> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sample = async (free: boolean | null, count: number) =>
      (
        await client.query<{ slug: string }>(
          `SELECT slug FROM articles WHERE status = 'published' AND published_at <= now() AND ($1::boolean IS NULL OR free = $1)
           ORDER BY md5(slug) LIMIT $2`,
          [free, count],
        )
      ).rows.map((row) => row.slug);
    const anonymousSlugs = await sample(null, options.anonymousArticles);
    const gated = await sample(false, 1_000 + 3 + options.unlockReaders * 3);

    const free = await reader(client, "bench-free");
    const unlockedSlugs = gated.slice(0, 3);
    await client.query(
      `INSERT INTO article_unlocks (user_id, article_id, period)
       SELECT $1, id, to_char(now(), 'YYYY-MM') FROM articles WHERE slug = ANY($2::text[])`,
      [free.id, unlockedSlugs],
    );

    const subscriber = await reader(client, "bench-subscriber");
    await client.query(
      `INSERT INTO subscriptions (id, user_id, customer_id, status, price_id, plan, current_period_end)
       VALUES ($1, $2, $3, 'active', 'price_bench', 'monthly', now() + interval '30 days')`,
      [`sub_bench_${randomBytes(6).toString("hex")}`, subscriber.id, `cus_bench_${randomBytes(6).toString("hex")}`],
    );

    const unlocks: BenchPeople["unlocks"] = [];
    const pool = gated.slice(1_003);
    for (let index = 0; index < options.unlockReaders; index++) {
      const person = await reader(client, "bench-unlock");
      for (const slug of pool.slice(index * 3, index * 3 + 3)) unlocks.push({ cookie: person.cookie, slug });
    }
    return {
      anonymousSlugs,
      freeReader: { cookie: free.cookie, unlockedSlugs },
      subscriber: { cookie: subscriber.cookie, gatedSlugs: gated.slice(3, 1_003) },
      unlocks,
    };
  } finally {
    await client.end();
  }
}

/** Transactions PostgreSQL counted for the database so far (each statement outside a transaction is one). */
export async function transactionsSoFar(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Statistics reach pg_stat_database up to a second after a backend's transaction.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const { rows } = await client.query<{ count: string }>(
      "SELECT xact_commit + xact_rollback AS count FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}
