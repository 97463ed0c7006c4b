// Runs before routing. Refuses addresses whose percent-encoding is broken
// ("/articles/%E0%A4%A"): Next.js would fail decoding the route parameter
// with a 500; the reader gets a plain 400 instead.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: this address is not valid.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.next();
}
