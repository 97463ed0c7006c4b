// How the article routes answer: a form post (the editor without JavaScript)
// is sent back to a newsroom page with a notice and the field errors in the
// address, so the page can show each error next to its field; a JSON request
// (autosave, scripts) gets JSON with the status code.
import { NextResponse } from "next/server";
import { isFormPost } from "@/lib/http/read-input";
import type { FieldErrors } from "./article-input";

export type EditorOutcome = {
  status: number;
  notice: string;
  message: string;
  body?: Record<string, unknown>;
  fieldErrors?: FieldErrors;
};

/** The query parameter that carries a field's error back to the form. */
export const fieldErrorParam = (field: string) => `error.${field}`;

export function editorAnswer(request: Request, outcome: EditorOutcome, returnTo: string): Response {
  if (isFormPost(request)) {
    const url = new URL(returnTo, request.url);
    url.searchParams.set("notice", outcome.notice);
    for (const [field, message] of Object.entries(outcome.fieldErrors ?? {})) {
      if (message) url.searchParams.set(fieldErrorParam(field), message);
    }
    return NextResponse.redirect(url, 303);
  }
  const ok = outcome.status < 400;
  const payload = ok
    ? { ok, notice: outcome.notice, message: outcome.message, ...outcome.body }
    : {
        error: outcome.notice,
        message: outcome.message,
        ...(outcome.fieldErrors ? { fieldErrors: outcome.fieldErrors } : {}),
        ...outcome.body,
      };
  return NextResponse.json(payload, { status: outcome.status });
}

/** For a body that was too large or not a form or JSON object. */
export const UNREADABLE: EditorOutcome = {
  status: 400,
  notice: "unreadable",
  message: "Send the fields as a form or a JSON object, the body at most 200,000 characters.",
};

export const NOT_FOUND: EditorOutcome = { status: 404, notice: "not-found", message: "There is no such article." };

export function invalid(fieldErrors: FieldErrors): EditorOutcome {
  return { status: 400, notice: "invalid", message: "Some fields need attention; nothing was saved.", fieldErrors };
}
