-- Stripe is read before the transaction that stores what it said, never
-- inside it (lib/billing/stripe-sync-version.ts). Each stored copy of a
-- Stripe object counts the syncs that wrote it; a sync writes only if the
-- count is still the one it saw before reading Stripe, so a read that began
-- before another sync committed can never be stored after it.

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN "sync_version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN "sync_version" INTEGER NOT NULL DEFAULT 0;
