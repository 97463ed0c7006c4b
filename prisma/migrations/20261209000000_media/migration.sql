-- The media library (docs/media.md): one row per uploaded image. The bytes
-- live in the media store (the data folder, or S3-compatible storage) under
-- `key`, a random name that cannot be guessed from anything public, as
-- resized WebP files and one JPEG for email; the upload itself is not kept
-- (its metadata, EXIF location included, goes with it).
CREATE TABLE "media" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "alt_text" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "stored_bytes" INTEGER NOT NULL,
    "uploaded_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "media_key_key" ON "media"("key");
CREATE INDEX "media_created_at_idx" ON "media"("created_at");

ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An article's lead image, with its own alt text, caption and credit. A
-- used image cannot be deleted (RESTRICT): the library refuses first.
ALTER TABLE "articles" ADD COLUMN "lead_image_id" UUID;
ALTER TABLE "articles" ADD COLUMN "lead_image_alt" TEXT NOT NULL DEFAULT '';
ALTER TABLE "articles" ADD COLUMN "lead_image_caption" TEXT NOT NULL DEFAULT '';
ALTER TABLE "articles" ADD COLUMN "lead_image_credit" TEXT NOT NULL DEFAULT '';
ALTER TABLE "articles" ADD CONSTRAINT "articles_lead_image_id_fkey" FOREIGN KEY ("lead_image_id") REFERENCES "media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "articles_lead_image_id_idx" ON "articles"("lead_image_id");

-- The media keys an article's preview and gated part name (/media/<key>),
-- kept by PostgreSQL from the stored cut, so that every writer of a body is
-- covered: whether an image may be served to everyone (it is a lead image
-- or in a preview) or only to readers of the gated part, and whether it is
-- used at all, is an indexed lookup.
CREATE FUNCTION folio_media_keys(markdown TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT match[1]), '{}')
  FROM regexp_matches(markdown, '/media/([A-Za-z0-9_-]{22})', 'g') AS match
$$;

ALTER TABLE "articles" ADD COLUMN "preview_media" TEXT[] GENERATED ALWAYS AS (folio_media_keys("preview_markdown")) STORED;
ALTER TABLE "articles" ADD COLUMN "gated_media" TEXT[] GENERATED ALWAYS AS (folio_media_keys("gated_markdown")) STORED;
CREATE INDEX "articles_preview_media_idx" ON "articles" USING GIN ("preview_media");
CREATE INDEX "articles_gated_media_idx" ON "articles" USING GIN ("gated_media");
