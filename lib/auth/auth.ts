// Auth.js: passwordless sign-in by emailed link, database sessions through
// the Prisma adapter. The configuration is built on first use, so building
// the app needs neither a database nor a secret.
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { headers } from "next/headers";
import { env, publicUrl } from "@/lib/config/env";
import { servedOverHttps } from "@/lib/http/request-security";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { describeError, log } from "@/lib/observability/log";
import { currentRequestContext } from "@/lib/observability/request-context";
import type { Role } from "@/lib/auth/roles";
import { normalizeEmail } from "./normalize-email";
import { sessionAdapter } from "./session-adapter";
import { authCookies, SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./auth-cookies";
import { sendSignInLink } from "./send-sign-in-link";
import { applySignUpChoices } from "./sign-up-choices";

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

// Secure, prefixed cookies whenever the site is served over https (see
// servedOverHttps: PUBLIC_URL, or a trusted proxy's X-Forwarded-Proto).
async function overHttps(request: Request | undefined): Promise<boolean> {
  if (request) return servedOverHttps(request.headers);
  try {
    return servedOverHttps(await headers());
  } catch {
    // Outside a request (a script): only the setting can tell.
    return publicUrl().startsWith("https://");
  }
}

const authConfig = (secure: boolean): NextAuthConfig => ({
  adapter: sessionAdapter(),
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: secure,
  cookies: authCookies(secure),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  providers: [emailProvider()],
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  callbacks: {
    // Only addresses on this site; Auth.js's default throws (a 500) on a
    // callbackUrl that is not a URL.
    redirect({ url, baseUrl }) {
      if (url.startsWith("/")) return `${baseUrl}${safeReturnPath(url)}`;
      try {
        return new URL(url).origin === baseUrl ? url : baseUrl;
      } catch {
        return baseUrl;
      }
    },
    // Only what the app needs. Spreading `session` would hand the session
    // token (and user id fields) to GET /api/auth/session, i.e. to any script
    // on the page, undoing the cookie's HttpOnly. The adapter hands over the
    // whole users row: the newsroom role and a comp grant ride along with the
    // session lookup at no extra query.
    session({ session, user }) {
      const row = user as typeof user & { role: Role; compUntil: Date | null };
      return {
        expires: session.expires,
        user: { id: user.id, email: user.email, name: user.name ?? null, role: row.role, compUntil: row.compUntil },
      } as typeof session;
    },
  },
  // Auth.js's own messages go to the JSON log, without their details (which
  // can carry an address).
  logger: {
    error: (error) => {
      // Auth.js answers "no session" when the session lookup fails; getReader
      // must not take a database outage for an anonymous visitor.
      const context = currentRequestContext();
      if (context && isDatabaseUnavailable(error)) context.databaseUnavailable = true;
      // Auth.js's error classes are minified; their `type` names them.
      log("error", "auth-error", { ...describeError(error), error: (error as { type?: string }).type ?? error.name });
    },
    warn: (code) => log("warn", "auth-warning", { code }),
    debug: () => {},
  },
  events: {
    createUser: ({ user }) => applySignUpChoices(user),
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => authConfig(await overHttps(request)));

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name?: string | null;
      image?: string | null;
      role: Role;
      compUntil: Date | null;
    };
  }
}
