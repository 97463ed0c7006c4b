// What a reader is told when a sign-in code does not work. The code route
// sends the reader back to the page with the form, naming the error in the
// query; the form reads it back. Only these names are ever shown.

export const CODE_ERRORS = {
  format: "The code is the 6 digits in the email we sent you. Please check it and try again.",
  wrong: "That code is not right. Please check the email we sent you and try again.",
  locked: "That code was entered wrongly too many times and no longer works. Please ask for a new email.",
  expired: "That code has expired or has already been used. Please ask for a new email.",
} as const;

export type CodeError = keyof typeof CODE_ERRORS;

const PARAM = "code-error";

/** `path` (a same-site path, query allowed) with the error named, landing on the form. */
export function codeErrorPath(path: string, error: CodeError): string {
  const url = new URL(path, "http://folio.invalid");
  url.searchParams.set(PARAM, error);
  return `${url.pathname}${url.search}#confirm`;
}

/** The message for a page's query, or null for none or anything unknown. */
export function codeErrorMessage(query: Record<string, string | string[] | undefined>): string | null {
  const value = query[PARAM];
  return typeof value === "string" && value in CODE_ERRORS ? CODE_ERRORS[value as CodeError] : null;
}
