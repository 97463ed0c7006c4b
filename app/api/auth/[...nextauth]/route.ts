// GET/POST /api/auth/*: Auth.js (sign-in callback, session, sign-out). Input
// Auth.js would answer with a 500 is refused with a 400 first.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { refusedAuthInput } from "@/lib/auth/auth-input";

function guarded(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest): Promise<Response> | Response => {
    const refused = refusedAuthInput(request);
    if (refused) return Response.json({ error: "bad_request", message: refused }, { status: 400 });
    return handler(request);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
