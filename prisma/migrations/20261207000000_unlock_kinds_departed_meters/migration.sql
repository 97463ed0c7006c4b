-- A registration gift (the article a reader read at once by giving their
-- address) is an unlock outside the monthly quota: it stays readable like
-- any unlock but is not one of the month's free articles.
CREATE TYPE "UnlockKind" AS ENUM ('quota', 'registration_gift');

-- AlterTable
ALTER TABLE "article_unlocks" ADD COLUMN "kind" "UnlockKind" NOT NULL DEFAULT 'quota';

-- The month's free articles survive deleting the account: until the month
-- ends, a keyed hash of the normalised address keeps the count it had used,
-- and nothing else about the person (lib/access/meter-key.ts).
CREATE TABLE "departed_meters" (
    "email_key" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "used" INTEGER NOT NULL,
    CONSTRAINT "departed_meters_pkey" PRIMARY KEY ("email_key", "period")
);
