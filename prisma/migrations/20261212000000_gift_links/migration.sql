-- Gift articles (docs/gifts.md): a subscriber's link that lets whoever opens
-- it read one gated article whole, without signing in. The link carries a
-- signed token naming the gift and its article; the row says until when it
-- opens, in how many browsers at most (the settings when it was made), and
-- whether its sender withdrew it. Sending locks the sender's users row, so
-- the monthly limit holds under parallel requests (lib/gifts/send-gift.ts).
CREATE TABLE "gift_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sender_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "max_browsers" INTEGER NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "gift_links_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "gift_links_sender_id_created_at_idx" ON "gift_links"("sender_id", "created_at");
CREATE INDEX "gift_links_article_id_idx" ON "gift_links"("article_id");

ALTER TABLE "gift_links" ADD CONSTRAINT "gift_links_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "gift_links" ADD CONSTRAINT "gift_links_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The browsers a gift opened in: one row per gift and browser (a random id
-- in an HttpOnly cookie, nothing else about the browser), with how often it
-- followed the link. Recording an open locks the gift's row, so parallel
-- opens neither lose a count nor pass the gift's limit of browsers.
CREATE TABLE "gift_opens" (
    "gift_id" UUID NOT NULL,
    "browser_id" TEXT NOT NULL,
    "opens" INTEGER NOT NULL DEFAULT 1,
    "first_opened_at" TIMESTAMPTZ(3) NOT NULL,
    "last_opened_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gift_opens_pkey" PRIMARY KEY ("gift_id", "browser_id")
);

CREATE INDEX "gift_opens_browser_id_idx" ON "gift_opens"("browser_id");

ALTER TABLE "gift_opens" ADD CONSTRAINT "gift_opens_gift_id_fkey" FOREIGN KEY ("gift_id") REFERENCES "gift_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Where a reader came from, for the insights (lib/insights/reader-origin.ts):
-- an account created in a browser that had opened a gift link. Its
-- subscription, when one starts, is counted on the same article. One row per
-- account, gone with it; no foreign key to the article, since the counts
-- outlive it (as insight_counts do).
CREATE TABLE "reader_origins" (
    "user_id" UUID NOT NULL,
    "origin" TEXT NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reader_origins_pkey" PRIMARY KEY ("user_id")
);

ALTER TABLE "reader_origins" ADD CONSTRAINT "reader_origins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
