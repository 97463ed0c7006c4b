-- The publisher's insights (docs/insights.md).

-- Daily totals: views, panels and the funnel's events, per article (the nil
-- UUID for none). Nothing about any reader.
CREATE TABLE "insight_counts" (
    "day" DATE NOT NULL,
    "metric" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "insight_counts_pkey" PRIMARY KEY ("day","metric","article_id")
);

CREATE INDEX "insight_counts_metric_day_idx" ON "insight_counts"("metric", "day");

-- The article a sign-in request came from, for the registration it may become.
ALTER TABLE "sign_in_requests" ADD COLUMN "article_id" UUID;

-- Each change of a subscription that revenue reads.
CREATE TABLE "subscription_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscription_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "cancel_at_period_end" BOOLEAN NOT NULL,

    CONSTRAINT "subscription_changes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "subscription_changes_subscription_id_at_idx" ON "subscription_changes"("subscription_id", "at");
CREATE INDEX "subscription_changes_at_idx" ON "subscription_changes"("at");

-- Accounts in sign-up order: the readers export pages through them, and the
-- insights count them by day.
CREATE INDEX "users_created_at_id_idx" ON "users"("created_at", "id");
