-- The paywall cut is made once, when an article is saved, by
-- lib/articles/paywall-cut.ts (remark's syntax tree, so a cut never falls
-- inside a code block, list, table or blockquote), and its two parts are
-- stored beside the body. Every surface reads the stored parts through
-- lib/access/read-article.ts; nothing cuts at read time any more, and the
-- regex functions that did are dropped.
--
-- The columns are NOT NULL without a default: a writer that forgets them
-- fails. Existing rows get empty parts and preview_paragraphs 0 here, which
-- marks them as not cut yet: lib/articles/recut-articles.ts cuts them in
-- TypeScript right after the migrations (migrateDatabase), and cuts again
-- any row made with another PREVIEW_PARAGRAPHS or an older rule.
ALTER TABLE "articles"
  ADD COLUMN "preview_markdown" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "gated_markdown" TEXT NOT NULL DEFAULT '',
  -- The PREVIEW_PARAGRAPHS setting the cut was made with, and the version of the rule (CUT_VERSION).
  ADD COLUMN "preview_paragraphs" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "cut_version" INTEGER NOT NULL DEFAULT 0,
  -- md5 of the body the cut was made from: the check below refuses a body
  -- written without its cut, which NOT NULL alone cannot catch on an update.
  ADD COLUMN "cut_body_md5" TEXT NOT NULL DEFAULT '';

ALTER TABLE "articles"
  ALTER COLUMN "preview_markdown" DROP DEFAULT,
  ALTER COLUMN "gated_markdown" DROP DEFAULT,
  ALTER COLUMN "preview_paragraphs" DROP DEFAULT,
  ALTER COLUMN "cut_version" DROP DEFAULT,
  ALTER COLUMN "cut_body_md5" DROP DEFAULT;

-- Whether anything is behind the cut, for the paywall panel: readable
-- without selecting the gated part itself.
ALTER TABLE "articles" ADD COLUMN "has_gated_part" BOOLEAN NOT NULL GENERATED ALWAYS AS ("gated_markdown" <> '') STORED;

-- NOT VALID: the rows that exist now are not cut yet (the backfill does it);
-- every row written from now on is checked.
ALTER TABLE "articles" ADD CONSTRAINT "articles_cut_matches_body" CHECK ("cut_body_md5" = md5("body")) NOT VALID;

DROP FUNCTION "folio_preview"(TEXT, INTEGER);
DROP FUNCTION "folio_gated"(TEXT, INTEGER);
