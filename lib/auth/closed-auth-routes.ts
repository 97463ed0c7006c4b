// Auth.js's own HTTP routes that Folio keeps open. Its sign-in route
// (POST /api/auth/signin/email) would send a sign-in mail past the per-address
// and per-IP limits that Folio's sign-in form applies (sign-in-requests.ts),
// and its callback (GET /api/auth/callback/email) would sign in whoever
// fetches the emailed link, mail scanners included. Folio reaches both from
// the server instead: the sign-in form's action calls signIn(), and
// /api/signin/confirm and /api/signin/code call the callback handler directly
// (complete-email-sign-in.ts). Everything but the session, the CSRF token and
// sign-out answers 404.
const OPEN_ACTIONS = new Set(["session", "csrf", "signout"]);
const BASE = "/api/auth";

/** True for an /api/auth/… path that the public may not reach. */
export function isClosedAuthRoute(pathname: string): boolean {
  if (!pathname.startsWith(`${BASE}/`)) return false;
  // Parsed as Auth.js parses it (parseActionAndProviderId), so that no
  // spelling of a closed action reaches Auth.js as that action.
  const [action = ""] = pathname.slice(BASE.length).split("/").filter(Boolean);
  return !OPEN_ACTIONS.has(action);
}
