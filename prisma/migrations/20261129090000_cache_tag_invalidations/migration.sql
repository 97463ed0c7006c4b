-- Shared cache invalidation: when each cache tag was last invalidated. Every
-- app server keeps its cached reads in memory and reads this table (at most
-- once a second) to drop entries whose tags changed after they were stored,
-- wherever the change was made (lib/cache/shared-tag-cache-handler.mjs).

-- CreateTable
CREATE TABLE "cache_tag_invalidations" (
    "tag" TEXT NOT NULL,
    "invalidated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_tag_invalidations_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "cache_tag_invalidations_invalidated_at_idx" ON "cache_tag_invalidations"("invalidated_at");
