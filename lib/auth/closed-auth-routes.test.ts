import { describe, expect, it } from "vitest";
import { isClosedAuthRoute } from "./closed-auth-routes";

describe("isClosedAuthRoute", () => {
  it.each([
    ["/api/auth/session", false],
    ["/api/auth/csrf", false],
    ["/api/auth/signout", false],
    ["/api/auth/signin", true],
    ["/api/auth/signin/email", true],
    ["/api/auth//signin//email", true],
    ["/api/auth/callback/email", true],
    ["/api/auth/providers", true],
    ["/api/auth/verify-request", true],
    ["/api/auth/error", true],
    ["/api/auth/", true],
    ["/api/auth/session%2Fx", true],
    ["/api/me", false],
  ])("%s -> %s", (path, closed) => {
    expect(isClosedAuthRoute(path)).toBe(closed);
  });
});
