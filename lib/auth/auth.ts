// Auth.js: passwordless sign-in by emailed link, database sessions through
// the Prisma adapter. The configuration is built on first use, so building
// the app needs neither a database nor a secret.
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/prisma";
import type { Role } from "@/lib/newsroom/roles";
import { normalizeEmail } from "./normalize-email";
import { sendSignInLink } from "./send-sign-in-link";
import { applySignUpChoices } from "./sign-up-choices";

const SESSION_DAYS = 30;

function emailProvider(): EmailConfig {
  return {
    id: "email",
    type: "email",
    name: "Email",
    from: env().MAIL_FROM,
    maxAge: env().SIGNIN_LINK_MINUTES * 60,
    normalizeIdentifier(identifier) {
      const email = normalizeEmail(identifier);
      if (!email) throw new Error("invalid email address");
      return email;
    },
    sendVerificationRequest: sendSignInLink,
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The adapter is typed against @prisma/client's default output; Folio's
  // client is generated into lib/db/generated with the same models.
  adapter: PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]),
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "database", maxAge: SESSION_DAYS * 24 * 60 * 60 },
  providers: [emailProvider()],
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  callbacks: {
    // The adapter hands over the whole users row; the newsroom role and a
    // comp grant ride along with the session lookup at no extra query.
    session({ session, user }) {
      const row = user as typeof user & { role: Role; compUntil: Date | null };
      return { ...session, user: { ...session.user, id: user.id, role: row.role, compUntil: row.compUntil } };
    },
  },
  events: {
    createUser: ({ user }) => applySignUpChoices(user),
  },
}));

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; image?: string | null; role: Role; compUntil: Date | null };
  }
}
