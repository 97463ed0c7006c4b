-- A subscription bought without being signed in belongs to the account of
-- the address given in Stripe Checkout, created by the webhook if new. The
-- row says whether the account was created by that purchase: only then may
-- the browser that paid be signed in on its return, and only once
-- (signed_in_at), so paying is never a way into an existing account.
CREATE TABLE "checkout_buyers" (
    "subscription_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_account" BOOLEAN NOT NULL,
    "signed_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checkout_buyers_pkey" PRIMARY KEY ("subscription_id")
);

CREATE INDEX "checkout_buyers_user_id_idx" ON "checkout_buyers"("user_id");

ALTER TABLE "checkout_buyers" ADD CONSTRAINT "checkout_buyers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per welcome email, written in the transaction that queues it: a
-- replayed webhook, or a second event about the same subscription, finds the
-- row and queues nothing. sent_at is set by the job once SMTP accepted it.
CREATE TABLE "welcome_mails" (
    "key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "welcome_mails_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "welcome_mails_user_id_idx" ON "welcome_mails"("user_id");

ALTER TABLE "welcome_mails" ADD CONSTRAINT "welcome_mails_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Subscribers from before welcome emails existed are not welcomed again by
-- the next reconciliation.
INSERT INTO "welcome_mails" ("key", "user_id", "kind", "sent_at")
SELECT 'subscription:' || "id", "user_id", 'subscription', CURRENT_TIMESTAMP FROM "subscriptions";
