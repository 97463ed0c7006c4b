// GET/POST /api/auth/*: Auth.js's session, CSRF token and sign-out; its
// sign-in and callback routes are closed (closed-auth-routes.ts). Input
// Auth.js would answer with a 500 is refused with a 400 first.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { refusedAuthInput } from "@/lib/auth/auth-input";
import { isClosedAuthRoute } from "@/lib/auth/closed-auth-routes";

function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest): Promise<Response> | Response => {
    if (isClosedAuthRoute(request.nextUrl.pathname)) return Response.json({ error: "not_found" }, { status: 404 });
    const refused = refusedAuthInput(request);
    if (refused) return Response.json({ error: "bad_request", message: refused }, { status: 400 });
    return handler(request);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
