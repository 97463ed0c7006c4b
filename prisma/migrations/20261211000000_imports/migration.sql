-- Moving a publication in from Ghost, WordPress or Substack (docs/importing.md).

-- What each import made of each thing in a source, so that importing the same
-- file again changes nothing and a changed post updates its article. The hash
-- is of what was read, as apply-import.ts computes it.
CREATE TABLE "imported_items" (
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "external_key" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "content_hash" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "imported_items_pkey" PRIMARY KEY ("source","kind","external_key")
);

-- The addresses imported articles had at their source ("/my-post",
-- "/2020/01/02/my-post", "/p/my-post"), answered with a permanent redirect
-- to the article. Stored without the trailing slash.
CREATE TABLE "legacy_paths" (
    "path" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "legacy_paths_pkey" PRIMARY KEY ("path")
);

CREATE INDEX "legacy_paths_article_id_idx" ON "legacy_paths"("article_id");

ALTER TABLE "legacy_paths" ADD CONSTRAINT "legacy_paths_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An import started from /admin/import: its file, the preview, then the
-- import itself, with its progress and report.
CREATE TABLE "import_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_bytes" BIGINT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER NOT NULL DEFAULT 0,
    "preview" JSONB,
    "report" JSONB,
    "error" TEXT,
    "created_by" UUID,
    "created_by_label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_runs_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "import_runs_created_at_idx" ON "import_runs"("created_at");

ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
