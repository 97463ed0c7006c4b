-- Instant access (docs/paywall.md): the article a reader was on when they
-- first gave their address is a registration gift, outside the monthly
-- quota, once per address ever. The row is kept by a keyed hash of the
-- normalised address (lib/access/meter-key.ts) so that the table cannot be
-- read back into addresses, and it outlives the account so that deleting
-- it and signing up again gives no second gift. user_id and confirmed_at
-- are set when the address is confirmed and the gift becomes an unlock.
CREATE TABLE "registration_gifts" (
    "email_key" TEXT NOT NULL,
    "article_id" UUID,
    "ip_hash" TEXT NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "registration_gifts_pkey" PRIMARY KEY ("email_key")
);

CREATE INDEX "registration_gifts_ip_hash_created_at_idx" ON "registration_gifts"("ip_hash", "created_at");

ALTER TABLE "registration_gifts" ADD CONSTRAINT "registration_gifts_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "registration_gifts" ADD CONSTRAINT "registration_gifts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The 6-digit code sent with every sign-in link: one live code per address
-- (the newest email's), stored as a keyed hash, with the link's token sealed
-- (AES-256-GCM) so that the code can complete the same Auth.js sign-in as the
-- link. Five wrong tries delete the row.
CREATE TABLE "sign_in_codes" (
    "email" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "sealed_token" TEXT NOT NULL,
    "callback_url" TEXT NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_codes_pkey" PRIMARY KEY ("email")
);
