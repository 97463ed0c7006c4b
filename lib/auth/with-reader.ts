// Wraps a route handler that acts for a signed-in reader: refuses cross-site
// requests (403) and anonymous ones (401) before the handler runs, so no
// route can forget either check.
import { NextResponse } from "next/server";
import { isFormPost } from "@/lib/http/read-input";
import { refuseCrossSite } from "@/lib/http/same-origin";
import { getReader, type Reader } from "./get-reader";

type Context<Params> = { reader: Reader; params: Params };
type Handler<Params> = (request: Request, context: Context<Params>) => Promise<Response>;

export function withReader<Params>(handler: Handler<Params>) {
  return async (request: Request, { params }: { params: Promise<Params> }): Promise<Response> => {
    const refused = request.method === "GET" ? null : refuseCrossSite(request);
    if (refused) return refused;
    const reader = await getReader();
    if (!reader) {
      // A form posted from a page whose session ended: back to sign-in.
      if (isFormPost(request)) return NextResponse.redirect(new URL("/signin?callbackUrl=/account", request.url), 303);
      return NextResponse.json({ error: "not_signed_in" }, { status: 401 });
    }
    const response = await handler(request, { reader, params: await params });
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  };
}
