// One answer, two audiences: a form post from the account page is sent back
// to the page with a notice (303, works without JavaScript); a JSON request
// gets JSON with the status code.
import { NextResponse } from "next/server";
import { isFormPost } from "./read-input";

export type Outcome = { status: number; notice: string; message: string; body?: Record<string, unknown> };

export function answer(request: Request, outcome: Outcome, returnTo = "/account"): Response {
  if (isFormPost(request)) {
    const url = new URL(returnTo, request.url);
    url.searchParams.set("notice", outcome.notice);
    return NextResponse.redirect(url, 303);
  }
  const ok = outcome.status < 400;
  return NextResponse.json(
    ok
      ? { ok, notice: outcome.notice, message: outcome.message, ...outcome.body }
      : { error: outcome.notice, message: outcome.message },
    { status: outcome.status, headers: { "Cache-Control": "private, no-store" } },
  );
}
