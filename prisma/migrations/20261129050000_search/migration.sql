-- Full-text search over articles (lib/search). The vectors are STORED
-- generated columns, so PostgreSQL recomputes them on every insert and on
-- every update of the headline, dek or body: no trigger, no application code,
-- nothing to forget. Prisma cannot declare generated columns; schema.prisma
-- marks them `Unsupported("tsvector")? @default(dbgenerated())`, which the
-- schema agreement test (lib/db/schema-drift) understands.

-- What a search matches: the headline (weight A), the dek (B) and the whole
-- body (C), stemmed as English. It covers the gated part too, so a reader
-- without access still finds the article; snippets for that reader are cut
-- from the preview only.
ALTER TABLE "articles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "dek"), 'B') ||
    setweight(to_tsvector('english'::regconfig, "body"), 'C')
) STORED;

-- The headline and dek alone. The full vector is large and stored out of
-- line, so ranking every match of a common word is slow; this small vector
-- finds the best headline matches across the whole library cheaply, and
-- only those and the newest matches are ranked on the full vector.
ALTER TABLE "articles" ADD COLUMN "headline_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
    setweight(to_tsvector('english'::regconfig, "dek"), 'B')
) STORED;

-- The headline's words as written (not stemmed), for suggestions while the
-- reader types: a prefix of a word ("negotiat") matches the word
-- ("negotiations"), which a stemmed lexeme ("negoti") would not.
ALTER TABLE "articles" ADD COLUMN "title_words" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, "title")
) STORED;

-- CreateIndex
CREATE INDEX "articles_search_vector_idx" ON "articles" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "articles_headline_vector_idx" ON "articles" USING GIN ("headline_vector");

-- CreateIndex
CREATE INDEX "articles_title_words_idx" ON "articles" USING GIN ("title_words");
