// Role checks at the edges of the newsroom: pages, route handlers and server
// actions. Each asks here itself; nothing relies on the proxy or a layout
// (a layout does not run for a route handler, and a server action can be
// called without the page that shows it).
import { NextResponse } from "next/server";
import { forbidden, redirect } from "next/navigation";
import { getReader, type Reader } from "@/lib/auth/get-reader";
import { refuseCrossSite } from "@/lib/http/same-origin";
import { actorOf, ForbiddenError, type Actor } from "@/lib/auth/actor";
import { hasRole, type Role } from "@/lib/auth/roles";

/** For a newsroom page: sign-in first, then a 403 page for too small a role. */
export async function requireRole(needed: Role, returnTo: string): Promise<Actor> {
  const reader = await getReader();
  if (!reader) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!hasRole(reader.role, needed)) forbidden();
  return actorOf(reader);
}

/** For a server action: the same check, a 403 for anyone without the role. */
export async function actionActor(needed: Role): Promise<Actor> {
  const reader = await getReader();
  if (!reader || !hasRole(reader.role, needed)) forbidden();
  return actorOf(reader);
}

type Context<Params> = { actor: Actor; reader: Reader; params: Params };
type Handler<Params> = (request: Request, context: Context<Params>) => Promise<Response>;

/**
 * Wraps a newsroom route handler: refuses cross-site requests (403),
 * anonymous ones (401) and readers without the role (403) before it runs.
 * A ForbiddenError from lib/newsroom is a 403 too.
 */
export function withRole<Params>(needed: Role, handler: Handler<Params>) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    const refused = request.method === "GET" ? null : refuseCrossSite(request);
    if (refused) return refused;
    const reader = await getReader();
    const noStore = { "Cache-Control": "private, no-store" };
    if (!reader) return NextResponse.json({ error: "not_signed_in" }, { status: 401, headers: noStore });
    if (!hasRole(reader.role, needed)) {
      return NextResponse.json(
        { error: "forbidden", message: `This needs the ${needed} role.` },
        { status: 403, headers: noStore },
      );
    }
    let response: Response;
    try {
      response = await handler(request, { actor: actorOf(reader), reader, params: await params });
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      response = NextResponse.json({ error: "forbidden", message: error.message }, { status: 403 });
    }
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  };
}
