-- Newsletters: issues (drafts the newsroom edits, then sent issues), their
-- items, the send log (one row per issue and recipient), and bounces.

-- CreateEnum
CREATE TYPE "NewsletterIssueStatus" AS ENUM ('draft', 'sending', 'sent', 'empty');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "newsletter_issues" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "newsletter" "Newsletter" NOT NULL,
    "issue_date" DATE NOT NULL,
    "status" "NewsletterIssueStatus" NOT NULL DEFAULT 'draft',
    "window_start" TIMESTAMPTZ(3),
    "window_end" TIMESTAMPTZ(3),
    "editor_note" TEXT NOT NULL DEFAULT '',
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "started_by" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "newsletter_issues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "newsletter_items" (
    "issue_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "dropped" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "newsletter_items_pkey" PRIMARY KEY ("issue_id","article_id")
);

-- CreateTable
CREATE TABLE "newsletter_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "issue_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "batch" INTEGER NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimed_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "newsletter_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_bounces" (
    "user_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "bounces" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT NOT NULL,
    "last_bounce_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suppressed_at" TIMESTAMPTZ(3),

    CONSTRAINT "mail_bounces_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_issues_newsletter_issue_date_key" ON "newsletter_issues"("newsletter", "issue_date");

-- CreateIndex
CREATE INDEX "newsletter_issues_status_idx" ON "newsletter_issues"("status");

-- CreateIndex
CREATE INDEX "newsletter_items_article_id_idx" ON "newsletter_items"("article_id");

-- CreateIndex
CREATE UNIQUE INDEX "newsletter_deliveries_issue_id_user_id_key" ON "newsletter_deliveries"("issue_id", "user_id");

-- CreateIndex
CREATE INDEX "newsletter_deliveries_issue_id_batch_status_idx" ON "newsletter_deliveries"("issue_id", "batch", "status");

-- CreateIndex
CREATE INDEX "newsletter_deliveries_user_id_idx" ON "newsletter_deliveries"("user_id");

-- AddForeignKey
ALTER TABLE "newsletter_items" ADD CONSTRAINT "newsletter_items_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "newsletter_issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_items" ADD CONSTRAINT "newsletter_items_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "newsletter_issues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
