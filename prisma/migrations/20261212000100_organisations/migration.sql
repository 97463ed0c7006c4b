-- Organisations (docs/organisations.md): All-Access for a university, a
-- ministry or a newsroom, from the start of its first day to the end of its
-- last in the publication's time zone (ends_at is that exclusive end, as
-- users.comp_until is). Readers belong to one by a seat (an invitation the
-- organisation's manager sent and they accepted) or by a confirmed address at
-- one of its email domains; anyone whose client address is in one of its IP
-- ranges reads everything too, signed in or not.
CREATE TABLE "organisations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "seats" INTEGER,
    "manager_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "organisations_name_length" CHECK (char_length("name") BETWEEN 1 AND 200),
    CONSTRAINT "organisations_period" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "organisations_seats" CHECK ("seats" IS NULL OR "seats" BETWEEN 1 AND 100000)
);

CREATE INDEX "organisations_manager_id_idx" ON "organisations"("manager_id");

ALTER TABLE "organisations" ADD CONSTRAINT "organisations_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A domain gives its confirmed addresses, and those of its subdomains, to one
-- organisation only: the primary key refuses a second.
CREATE TABLE "organisation_domains" (
    "domain" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,

    CONSTRAINT "organisation_domains_pkey" PRIMARY KEY ("domain")
);

CREATE INDEX "organisation_domains_organisation_id_idx" ON "organisation_domains"("organisation_id");

ALTER TABLE "organisation_domains" ADD CONSTRAINT "organisation_domains_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- IPv4 and IPv6 ranges. cidr refuses host bits right of the mask; the
-- exclusion constraint refuses a range that overlaps any other, of this
-- organisation or another, also when two admins save at the same moment, so
-- an address belongs to one organisation at most.
CREATE TABLE "organisation_ip_ranges" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "range" CIDR NOT NULL,

    CONSTRAINT "organisation_ip_ranges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "organisation_ip_ranges_no_overlap" EXCLUDE USING gist ("range" inet_ops WITH &&)
);

CREATE INDEX "organisation_ip_ranges_organisation_id_idx" ON "organisation_ip_ranges"("organisation_id");

ALTER TABLE "organisation_ip_ranges" ADD CONSTRAINT "organisation_ip_ranges_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A reader holding one of an organisation's seats. last_read_at is when they
-- last read an article through it, written at most once an hour.
CREATE TABLE "organisation_members" (
    "organisation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_read_at" TIMESTAMPTZ(3),

    CONSTRAINT "organisation_members_pkey" PRIMARY KEY ("organisation_id", "user_id")
);

CREATE INDEX "organisation_members_user_id_idx" ON "organisation_members"("user_id");

ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "organisation_members" ADD CONSTRAINT "organisation_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An invitation to a seat, by email. The link's token only ever exists in
-- the email; the row keeps its SHA-256. A pending invitation holds a seat
-- until it is accepted, withdrawn or expires.
CREATE TABLE "organisation_invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisation_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_invitations_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "organisation_invitations_token_hash_key" ON "organisation_invitations"("token_hash");
CREATE UNIQUE INDEX "organisation_invitations_organisation_id_email_key" ON "organisation_invitations"("organisation_id", "email");

ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
