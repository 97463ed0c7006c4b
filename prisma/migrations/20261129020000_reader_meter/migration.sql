-- CreateEnum
CREATE TYPE "SignInSource" AS ENUM ('paywall', 'signin');

-- CreateEnum
CREATE TYPE "Newsletter" AS ENUM ('free', 'daily_review', 'weekly_review');

-- CreateTable
CREATE TABLE "article_unlocks" (
    "user_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_unlocks_pkey" PRIMARY KEY ("user_id","article_id")
);

-- CreateTable
CREATE TABLE "sign_in_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "ip_hash" TEXT NOT NULL,
    "source" "SignInSource" NOT NULL,
    "newsletter" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "newsletter_subscriptions" (
    "user_id" UUID NOT NULL,
    "newsletter" "Newsletter" NOT NULL,
    "subscribed" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "newsletter_subscriptions_pkey" PRIMARY KEY ("user_id","newsletter")
);

-- CreateIndex
CREATE INDEX "article_unlocks_user_id_period_idx" ON "article_unlocks"("user_id", "period");

-- CreateIndex
CREATE INDEX "sign_in_requests_email_created_at_idx" ON "sign_in_requests"("email", "created_at");

-- CreateIndex
CREATE INDEX "sign_in_requests_ip_hash_created_at_idx" ON "sign_in_requests"("ip_hash", "created_at");

-- AddForeignKey
ALTER TABLE "article_unlocks" ADD CONSTRAINT "article_unlocks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_unlocks" ADD CONSTRAINT "article_unlocks_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_subscriptions" ADD CONSTRAINT "newsletter_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
