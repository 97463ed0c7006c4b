-- Trials and offer codes (docs/billing.md).

-- The end of a subscription's free trial, as Stripe gives it (trial_end):
-- /account says when the trial ends, also once a cancelled trial has
-- stopped trialing.
ALTER TABLE "subscriptions" ADD COLUMN "trial_end" TIMESTAMPTZ(3);

-- The reminder that a free trial ends in three days, once per trial, however
-- often Stripe sends customer.subscription.trial_will_end: the row is written
-- with its job, in the webhook's transaction, and marked sent once SMTP has
-- accepted the mail.
CREATE TABLE "trial_reminders" (
    "subscription_id" TEXT NOT NULL,
    "trial_end" TIMESTAMPTZ(3) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "trial_reminders_pkey" PRIMARY KEY ("subscription_id","trial_end")
);

CREATE INDEX "trial_reminders_user_id_idx" ON "trial_reminders"("user_id");

ALTER TABLE "trial_reminders" ADD CONSTRAINT "trial_reminders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
