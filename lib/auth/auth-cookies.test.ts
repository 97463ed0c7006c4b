import { describe, expect, it } from "vitest";
import { authCookies, expiredSessionCookies, SESSION_COOKIES } from "./auth-cookies";

describe("authCookies", () => {
  it("over https: prefixed, Secure, HttpOnly, SameSite=Lax, whole site", () => {
    const cookies = authCookies(true);
    expect(cookies.sessionToken.name).toBe("__Host-authjs.session-token");
    expect(cookies.csrfToken.name).toBe("__Host-authjs.csrf-token");
    expect(cookies.callbackUrl.name).toBe("__Secure-authjs.callback-url");
    for (const cookie of Object.values(cookies)) {
      expect(cookie.options).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
  });

  it("over plain http: the plain names, HttpOnly and SameSite=Lax still", () => {
    const cookies = authCookies(false);
    expect(cookies.sessionToken.name).toBe("authjs.session-token");
    for (const cookie of Object.values(cookies))
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });

  it("every session cookie name is known, and clearing a prefixed one keeps Secure", () => {
    expect(SESSION_COOKIES).toContain(authCookies(true).sessionToken.name);
    expect(SESSION_COOKIES).toContain(authCookies(false).sessionToken.name);
    for (const value of expiredSessionCookies()) {
      expect(value).toMatch(/Max-Age=0/);
      if (value.startsWith("__")) expect(value).toMatch(/; Secure;/);
    }
  });
});
