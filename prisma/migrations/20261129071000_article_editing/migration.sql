-- Writing and publishing in the newsroom: a version per article for
-- optimistic saves, a revision per save, and the old slugs of published
-- articles kept as permanent redirects.

-- AlterTable
ALTER TABLE "articles" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "first_published_at" TIMESTAMPTZ(3);

-- Articles already live have been published: their slug is kept as a
-- redirect when an editor changes it.
UPDATE "articles" SET "first_published_at" = "published_at" WHERE "status" = 'published';

-- CreateTable
CREATE TABLE "article_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "article_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dek" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "kind" "ArticleKind" NOT NULL,
    "free" BOOLEAN NOT NULL,
    "author_ids" UUID[],
    "topic_ids" UUID[],
    "region_ids" UUID[],
    "note" TEXT NOT NULL DEFAULT '',
    "editor_id" UUID,
    "editor" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_slug_redirects" (
    "slug" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_slug_redirects_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
-- The newsroom's list: drafts first (DESC puts NULL first), then newest.
CREATE INDEX "articles_published_at_created_at_id_idx" ON "articles"("published_at" DESC, "created_at" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "article_revisions_article_id_number_key" ON "article_revisions"("article_id", "number");

-- CreateIndex
CREATE INDEX "article_slug_redirects_article_id_idx" ON "article_slug_redirects"("article_id");

-- AddForeignKey
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "article_slug_redirects" ADD CONSTRAINT "article_slug_redirects_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
